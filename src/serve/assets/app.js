// bidui serve page: plain DOM, no library, nothing from the network (CSP: script-src 'self').

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh'
const T = {
  zh: {
    overview: '概览',
    cases: '案件列表',
    reviewer: '核查人',
    blind: '盲审（隐藏模型分数）',
    period: '月份',
    check: '核查项目',
    community: '社区',
    status: '状态',
    decision: '决定',
    review: '待人工确认',
    search: '姓名或案件编号',
    all: '全部',
    none: '未决定',
    yes: '是',
    no: '否',
    prev: '上一页',
    next: '下一页',
    total: '共',
    key: '案件编号',
    reason: '说明',
    history: '历月记录',
    log: '决定记录',
    note: '备注（误报必填）',
    noRecords: '存储中未保存本案的记录明细与比对贡献（匹配概率、瀑布图不可用）。',
    needName: '请先填写核查人姓名',
    decided: '已记录',
    trend: '逐月趋势',
    byCheck: '按核查项目',
    byCommunity: '按社区',
    noCommunity: '未能定位',
    keys: '快捷键：c 属实 · f 误报 · x 已修正 · v 需入户核查 · j/k 下一件/上一件',
    score: '匹配概率',
    pending: '下次运行生效',
    records: '记录对照（与第一列不同的项已标出）',
    field: '项目',
    waterfall: '比对贡献（匹配权重，比特）',
    weight: '匹配权重（比特）',
    noPair: '本案不依据模型评分的记录对。',
    differences: '不一致项',
    fields: {
      name: '姓名',
      formerName: '曾用名',
      residentId: '身份证号',
      sex: '性别',
      birthDate: '出生日期',
      maritalStatus: '婚姻状况',
      status: '人员状态',
      statusReason: '注销原因',
      eventType: '事件',
      eventDate: '事件日期',
      householdNo: '户号',
      community: '社区',
      dwelling: '住址',
    },
    parts: { subject: '核查对象', counterpart: '疑似对应', evidence: '依据', context: '关联' },
  },
  en: {
    overview: 'Overview',
    cases: 'Cases',
    reviewer: 'Reviewer',
    blind: 'Blind mode (hide model score)',
    period: 'Month',
    check: 'Check',
    community: 'Community',
    status: 'Status',
    decision: 'Decision',
    review: 'Needs review',
    search: 'Name or case key',
    all: 'All',
    none: 'Undecided',
    yes: 'yes',
    no: 'no',
    prev: 'Previous',
    next: 'Next',
    total: 'Total',
    key: 'Case key',
    reason: 'Reason',
    history: 'History across months',
    log: 'Decision log',
    note: 'Note (required for false positive)',
    noRecords:
      'The store keeps no record details or per-comparison contributions for this case (probability and waterfall unavailable).',
    needName: 'Enter your name as reviewer first',
    decided: 'Recorded',
    trend: 'Month over month',
    byCheck: 'By check',
    byCommunity: 'By community',
    noCommunity: 'Not located',
    keys: 'Keys: c confirmed · f false positive · x fixed · v needs visit · j/k next/previous',
    score: 'Match probability',
    pending: 'in force from the next run',
    records: 'Records side by side (cells differing from the first column marked)',
    field: 'Field',
    waterfall: 'Per-comparison contributions (match weight, bits)',
    weight: 'match weight (bits)',
    noPair: 'This case does not rest on a scored pair of records.',
    differences: 'Differences',
    fields: {
      name: 'Name',
      formerName: 'Former name',
      residentId: 'Resident ID',
      sex: 'Sex',
      birthDate: 'Birth date',
      maritalStatus: 'Marital status',
      status: 'Record status',
      statusReason: 'Status reason',
      eventType: 'Event',
      eventDate: 'Event date',
      householdNo: 'Household no.',
      community: 'Community',
      dwelling: 'Address',
    },
    parts: { subject: 'subject', counterpart: 'candidate', evidence: 'evidence', context: 'context' },
  },
}[lang]
const statusL =
  lang === 'zh'
    ? { new: '新发现', carried: '延续', closed: '已消除', suppressed: '误报已排除' }
    : { new: 'new', carried: 'carried over', closed: 'closed', suppressed: 'suppressed' }
const decisionL =
  lang === 'zh'
    ? { confirmed: '属实', 'false-positive': '误报', fixed: '已修正', 'needs-visit': '需入户核查' }
    : {
        confirmed: 'confirmed',
        'false-positive': 'false positive',
        fixed: 'fixed in register',
        'needs-visit': 'needs field visit',
      }
const decisionKeys = { c: 'confirmed', f: 'false-positive', x: 'fixed', v: 'needs-visit' }

const main = document.getElementById('main')
let current = null // the case on screen
let listKeys = JSON.parse(sessionStorage.getItem('bidui.listKeys') || '[]')

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v)
    else e.setAttribute(k, v)
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(k == null ? '' : String(k)))
  return e
}
function toast(text, error) {
  const t = document.getElementById('toast')
  t.textContent = text
  t.className = error ? 'show error' : 'show'
  setTimeout(() => {
    t.className = ''
  }, 4000)
}
async function api(path, init) {
  const r = await fetch(path, Object.assign({ credentials: 'same-origin' }, init))
  const body = await r.json()
  if (!r.ok) {
    const e = new Error(body.message || r.statusText)
    e.status = r.status
    throw e
  }
  return body
}
function hashParams() {
  const h = location.hash.slice(1)
  const i = h.indexOf('?')
  return { path: i < 0 ? h || '/' : h.slice(0, i), q: new URLSearchParams(i < 0 ? '' : h.slice(i + 1)) }
}
function go(path, q) {
  location.hash = path + (q && String(q) ? `?${q}` : '')
}

async function overview() {
  const o = await api('/api/overview')
  const by = (f) => {
    const m = new Map()
    for (const c of o.counts) {
      const k = f(c)
      m.set(k, (m.get(k) || 0) + c.n)
    }
    return m
  }
  const byStatus = by((c) => c.status)
  main.replaceChildren(
    el('h2', {}, `${T.overview} · ${o.scope.pipeline} · ${o.period}`),
    el(
      'div',
      { class: 'kpis' },
      ...['new', 'carried', 'closed', 'suppressed'].map((s) =>
        el(
          'a',
          { class: 'kpi', href: `#/cases?period=${o.period}&status=${s}` },
          el('b', {}, byStatus.get(s) || 0),
          statusL[s],
        ),
      ),
    ),
    el('h3', {}, T.trend),
    el('img', { src: `/api/trend.svg?lang=${lang}`, alt: T.trend, id: 'trend' }),
    el(
      'p',
      { class: 'legend' },
      ...['new', 'carried', 'closed', 'suppressed'].map((s) =>
        el('span', { class: `swatch status-bg-${s}` }, statusL[s]),
      ),
    ),
    el('h3', {}, T.byCheck),
    countTable(
      o,
      by((c) => `${c.checkId}\u0000${c.checkName}`),
      'check',
    ),
    el('h3', {}, T.byCommunity),
    countTable(
      o,
      by((c) => `${c.community || '-'}\u0000${c.community || T.noCommunity}`),
      'community',
    ),
  )
}
function countTable(o, m, param) {
  return el(
    'table',
    {},
    el(
      'tbody',
      {},
      ...[...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => {
          const [id, name] = k.split('\u0000')
          return el(
            'tr',
            { onclick: () => go('/cases', new URLSearchParams({ period: o.period, [param]: id })) },
            el('td', {}, name),
            el('td', {}, n),
          )
        }),
    ),
  )
}

async function list() {
  const { q } = hashParams()
  const scopes = await api('/api/scopes')
  const periods = scopes[0] ? scopes[0].periods : []
  const o = await api(
    `/api/overview${q.get('period') ? `?period=${encodeURIComponent(q.get('period'))}` : ''}`,
  )
  const checks = new Map(o.counts.map((c) => [c.checkId, c.checkName]))
  const communities = [...new Set(o.counts.map((c) => c.community || '-'))].sort()
  const sel = (name, label, opts) =>
    el(
      'label',
      {},
      `${label} `,
      (() => {
        const s = el(
          'select',
          {
            name,
            id: `f-${name}`,
            onchange: () => {
              q.set(name, s.value)
              q.delete('page')
              go('/cases', q)
            },
          },
          ...opts.map(([v, t]) => {
            const op = el('option', { value: v }, t)
            if ((q.get(name) || '') === v) op.selected = true
            return op
          }),
        )
        return s
      })(),
    )
  const search = el('input', { id: 'f-q', placeholder: T.search, value: q.get('q') || '' })
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      q.set('q', search.value)
      q.delete('page')
      go('/cases', q)
    }
  })
  const page = Number(q.get('page') || 0)
  const params = new URLSearchParams(q)
  params.set('period', o.period)
  const data = await api(`/api/cases?${params}`)
  listKeys = data.rows.map((r) => r.key)
  sessionStorage.setItem('bidui.listKeys', JSON.stringify(listKeys))
  sessionStorage.setItem('bidui.listQuery', String(params))
  const pages = Math.max(1, Math.ceil(data.total / data.limit))
  main.replaceChildren(
    el('h2', {}, `${T.cases} · ${o.period}`),
    el(
      'div',
      { class: 'filters' },
      sel(
        'period',
        T.period,
        periods
          .map((p) => [p, p])
          .reverse()
          .concat([['', o.period]])
          .filter((x, _i, a) => x[0] !== '' || a.length === 1),
      ),
      sel('check', T.check, [['', T.all], ...[...checks].map(([id, n]) => [id, n])]),
      sel('community', T.community, [
        ['', T.all],
        ...communities.map((c) => [c, c === '-' ? T.noCommunity : c]),
      ]),
      sel('status', T.status, [['', T.all], ...Object.entries(statusL)]),
      sel('decision', T.decision, [['', T.all], ['none', T.none], ...Object.entries(decisionL)]),
      sel('review', T.review, [
        ['', T.all],
        ['1', T.yes],
        ['0', T.no],
      ]),
      sel('sort', '⇅', [
        ['seq', '#'],
        ['check', T.check],
        ['community', T.community],
        ['status', T.status],
        ['key', T.key],
      ]),
      search,
    ),
    el(
      'p',
      { class: 'muted', id: 'list-total' },
      `${T.total} ${data.total} · ${page + 1}/${pages} · ${data.ms.toFixed(1)} ms`,
    ),
    el(
      'table',
      { id: 'case-list' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[T.key, T.check, T.community, T.status, T.decision, T.reason].map((h) => el('th', {}, h)),
        ),
      ),
      el(
        'tbody',
        {},
        ...data.rows.map((r) =>
          el(
            'tr',
            {
              'data-key': r.key,
              onclick: () => go('/case', new URLSearchParams({ key: r.key, period: o.period })),
            },
            el('td', {}, r.key),
            el('td', {}, r.checkName + (r.review ? ' ⚠' : '')),
            el('td', {}, r.community || T.noCommunity),
            el('td', { class: `status-${r.status}` }, statusL[r.status]),
            el(
              'td',
              { class: 'decision' },
              r.pendingDecision
                ? `${decisionL[r.pendingDecision]} (${T.pending})`
                : r.decision
                  ? decisionL[r.decision]
                  : '',
            ),
            el('td', {}, r.reason),
          ),
        ),
      ),
    ),
    el(
      'p',
      {},
      el(
        'button',
        {
          disabled: page === 0 ? '' : null,
          onclick: () => {
            q.set('page', page - 1)
            go('/cases', q)
          },
        },
        T.prev,
      ),
      ' ',
      el(
        'button',
        {
          id: 'next-page',
          onclick: () => {
            if (page + 1 < pages) {
              q.set('page', page + 1)
              go('/cases', q)
            }
          },
        },
        T.next,
      ),
    ),
  )
  if (page === 0) main.querySelector('button').disabled = true
}

/** The case's records side by side, its probability and the waterfall (not in blind mode). */
function evidenceView(c, params, blind) {
  const e = c.evidence
  if (!e) return [el('p', { class: 'notice', id: 'no-records' }, T.noRecords)]
  const fields = Object.keys(T.fields).filter((f) => e.records.some((r) => r.fields[f] != null))
  const first = e.records[0]
  const table = el(
    'table',
    { id: 'records' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}, T.field),
        ...e.records.map((r) =>
          el('th', {}, `${T.parts[r.part] || r.part}`, el('br'), el('small', { class: 'muted' }, r.ref)),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      ...fields.map((f) =>
        el(
          'tr',
          {},
          el('th', {}, T.fields[f]),
          ...e.records.map((r, i) => {
            const v = r.fields[f]
            const differs = i > 0 && v != null && first.fields[f] != null && v !== first.fields[f]
            return el('td', differs ? { class: 'differs' } : {}, v == null ? '' : v)
          }),
        ),
      ),
    ),
  )
  const out = [el('h3', {}, T.records), table]
  if (e.differences.length > 0)
    out.push(
      el(
        'p',
        { id: 'differences' },
        el('b', {}, `${T.differences}: `),
        e.differences.map((d) => `${T.fields[d.field] || d.field} ${d.recorded} ≠ ${d.believed}`).join('；'),
      ),
    )
  if (blind) {
    out.push(el('p', { class: 'muted', id: 'score-hidden' }, `${T.score}: —`))
    return out
  }
  if (e.probability == null || !e.match) {
    out.push(el('p', { class: 'muted', id: 'no-pair' }, T.noPair))
    return out
  }
  const chart = el('div', { id: 'waterfall' })
  out.push(
    el(
      'p',
      { id: 'probability' },
      el('b', {}, `${T.score}: `),
      e.probability.toFixed(4),
      el('span', { class: 'muted' }, ` · ${T.weight} ${e.match.matchWeight.toFixed(2)}`),
    ),
    el('h3', {}, T.waterfall),
    chart,
  )
  // Inlined rather than an <img>: an SVG image cannot use the page's web font, and its labels are Chinese.
  fetch(`/api/waterfall.svg?${params}`, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText))))
    .then((text) => {
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement
      if (svg.nodeName === 'svg') chart.append(document.importNode(svg, true))
    })
    .catch((err) => toast(String(err), true))
  return out
}

async function caseView() {
  const { q } = hashParams()
  const blind = document.getElementById('blind').checked
  const params = new URLSearchParams({ key: q.get('key') || '', period: q.get('period') || '', lang })
  // Blind mode asks the server to leave the score out, so it is not even in the page's data.
  if (blind) params.set('blind', '1')
  const c = await api(`/api/case?${params}`)
  current = c
  const note = el('textarea', { id: 'note', rows: '2', cols: '60', placeholder: T.note })
  main.replaceChildren(
    el('h2', {}, `${c.checkName} · ${c.key}`),
    el(
      'p',
      {},
      el('b', {}, `${T.status}: `),
      el('span', { class: `status-${c.status}`, id: 'case-status' }, statusL[c.status]),
      ' · ',
      el('b', {}, `${T.decision}: `),
      el(
        'span',
        { id: 'case-decision' },
        c.pendingDecision ? decisionL[c.pendingDecision] : c.decision ? decisionL[c.decision] : T.none,
      ),
      c.pendingDecision ? el('span', { class: 'muted', id: 'pending' }, ` (${T.pending})`) : '',
      ' · ',
      el('b', {}, `${T.community}: `),
      c.community || T.noCommunity,
      c.review ? ` · ⚠ ${T.review}` : '',
    ),
    el('p', { id: 'case-reason' }, c.reason),
    ...evidenceView(c, params, blind),
    el('h3', {}, T.history),
    el(
      'table',
      {},
      el(
        'tbody',
        {},
        ...c.history.map((h) =>
          el('tr', {}, el('td', {}, h.period), el('td', { class: `status-${h.status}` }, statusL[h.status])),
        ),
      ),
    ),
    el('h3', {}, T.log),
    el(
      'table',
      { id: 'decision-log' },
      el(
        'tbody',
        {},
        ...c.decisions.map((d) =>
          el(
            'tr',
            {},
            el('td', {}, d.period),
            el('td', {}, decisionL[d.decision] || d.decision),
            el('td', {}, d.by),
            el('td', {}, d.at.slice(0, 16).replace('T', ' ')),
            el('td', {}, d.note || ''),
            el('td', { class: 'muted' }, d.via),
          ),
        ),
      ),
    ),
    el('h3', {}, T.decision),
    note,
    el('br'),
    el(
      'div',
      { class: 'buttons' },
      ...Object.entries(decisionKeys).map(([k, d]) =>
        el('button', { 'data-decision': d, onclick: () => decide(d) }, `${decisionL[d]} (${k})`),
      ),
    ),
    el('p', { class: 'muted' }, T.keys),
  )
}

async function decide(decision) {
  if (!current) return
  const by = document.getElementById('reviewer').value.trim()
  if (!by) {
    toast(T.needName, true)
    document.getElementById('reviewer').focus()
    return
  }
  const note = document.getElementById('note')?.value || ''
  try {
    await api('/api/decide', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        key: current.key,
        period: current.period,
        decision,
        by,
        note,
        expectedDecisionId: current.latestDecisionId,
      }),
    })
    toast(`${T.decided}: ${decisionL[decision]}`)
    await caseView()
  } catch (e) {
    toast(e.message, true)
    if (e.status === 409) await caseView()
  }
}

function step(delta) {
  const { path, q } = hashParams()
  if (path !== '/case' || listKeys.length === 0) return
  const i = listKeys.indexOf(q.get('key'))
  const next = listKeys[i + delta]
  if (next) go('/case', new URLSearchParams({ key: next, period: q.get('period') || '' }))
}

document.addEventListener('keydown', (e) => {
  if (
    e.target instanceof HTMLInputElement ||
    e.target instanceof HTMLTextAreaElement ||
    e.target instanceof HTMLSelectElement
  )
    return
  if (e.ctrlKey || e.metaKey || e.altKey) return
  if (decisionKeys[e.key] && hashParams().path === '/case') decide(decisionKeys[e.key])
  else if (e.key === 'j') step(1)
  else if (e.key === 'k') step(-1)
})

async function route() {
  const { path } = hashParams()
  try {
    if (path === '/cases') await list()
    else if (path === '/case') await caseView()
    else await overview()
  } catch (e) {
    main.replaceChildren(el('p', { class: 'notice' }, e.message))
  }
}

function init() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  document.getElementById('title').textContent = lang === 'zh' ? 'bidui 案件核查' : 'bidui case review'
  document.getElementById('nav-overview').textContent = T.overview
  document.getElementById('nav-cases').textContent = T.cases
  document.getElementById('reviewer-label').firstChild.textContent = `${T.reviewer} `
  document.getElementById('blind-label').textContent = T.blind
  const reviewer = document.getElementById('reviewer')
  reviewer.value = localStorage.getItem('bidui.reviewer') || ''
  reviewer.addEventListener('change', () => localStorage.setItem('bidui.reviewer', reviewer.value.trim()))
  const blind = document.getElementById('blind')
  blind.checked = localStorage.getItem('bidui.blind') === '1'
  blind.addEventListener('change', () => {
    localStorage.setItem('bidui.blind', blind.checked ? '1' : '0')
    route()
  })
  // Drop the token from the address bar: the cookie carries it from here on.
  if (new URLSearchParams(location.search).has('token'))
    history.replaceState(null, '', location.pathname + (lang === 'en' ? '?lang=en' : '') + location.hash)
  window.addEventListener('hashchange', route)
  route()
}
init()
