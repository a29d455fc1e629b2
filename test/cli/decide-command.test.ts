import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryStore } from '../support/query-store.js'
import { runCli } from '../support/run-cli.js'

// Three months of the demo district through bidui run and bidui decide, in one store. November
// and December are October's exports with a few register rows edited, so which cases must
// change is known without asking the code under test. Several full runs: minutes on a loaded machine.
const demo = path.resolve('fixtures/demo')
let dir: string

const cli = (...args: string[]) => runCli(dir, ...args)
const run = (period: string, ...more: string[]) => {
  const r = cli('run', 'demo.yaml', '--period', period, '--db', 'x.db', ...more)
  expect(r.code, r.stderr).toBe(0)
  return r
}
const decide = (...args: string[]) => cli('decide', 'demo.yaml', '--db', 'x.db', ...args)

const reportDir = (period: string) => path.join(dir, 'reports', period)
/** The case CSVs and summary.json of a month, by name. */
const reportFiles = (period: string) =>
  new Map(
    readdirSync(reportDir(period))
      .filter((f) => /^cases.*\.csv$|^summary\.json$/.test(f))
      .sort()
      .map((f) => [f, readFileSync(path.join(reportDir(period), f))]),
  )
const csvRows = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
const listedKeys = (period: string) =>
  csvRows(readFileSync(path.join(reportDir(period), 'cases.csv'), 'utf8'))
    .slice(1)
    .map((r) => r[0] as string)

interface PeriodRow {
  case_key: string
  status: string
  decision: string | null
  decision_id: number | null
  evidence: string | null
  evidence_changed: number
  reopened: number
  note: string | null
  seq: number
  check_id: string
  community: string | null
  reason: string
}
const periodRows = (period: string) =>
  queryStore<PeriodRow>(
    path.join(dir, 'x.db'),
    'select * from case_period where period = ? order by seq',
    period,
  )
const byKey = (rows: PeriodRow[]) => new Map(rows.map((r) => [r.case_key, r]))
const auditRows = () =>
  queryStore<Record<string, unknown>>(path.join(dir, 'x.db'), 'select * from case_decision order by id')

/** The demo's register export as text lines (GBK decoded), the header first. */
const registerFile = 'register-persons-2026-10.csv'
const registerLines = () =>
  iconv.decode(readFileSync(path.join(demo, registerFile)), 'gb18030').split(/\r?\n/)
const parseLine = (line: string) => Papa.parse<string[]>(line).data[0] as string[]
const unparseLine = (cells: string[]) => Papa.unparse([cells], { newline: '' })

/** Writes October's exports as `period`'s, with register rows (by 1-based line) edited or dropped. */
function writeMonth(
  period: string,
  edit: ReadonlyMap<number, ((cells: string[]) => string[]) | 'drop'>,
): void {
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10'))) {
    const to = path.join(dir, f.replace('2026-10', period))
    if (f !== registerFile) {
      copyFileSync(path.join(demo, f), to)
      continue
    }
    const out: string[] = []
    registerLines().forEach((line, i) => {
      const e = edit.get(i + 1)
      if (e === 'drop') return
      out.push(e === undefined ? line : unparseLine(e(parseLine(line))))
    })
    writeFileSync(to, iconv.encode(out.join('\r\n'), 'gbk'))
  }
}

/** The five cases followed: register records with no ID (身份证号错误, no pair behind them). */
let A: string // false positive, evidence unchanged (only its address moves): suppressed
let B: string // confirmed: stays open
let C: string // false positive whose name changes in November: listed again, 证据已变化
let D: string // its register row is gone in November, back in December: closed, then new
let E: string // marked fixed in October, still detected: reopened
const lineOf = new Map<string, number>()
let octFirst: Map<string, Buffer>
let octRowsFirst: PeriodRow[]

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-decide-'))
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10')))
    copyFileSync(path.join(demo, f), path.join(dir, f))
  writeFileSync(
    path.join(dir, 'demo.yaml'),
    readFileSync(path.resolve('pipelines/demo.yaml'), 'utf8').replaceAll("'../fixtures/demo/", "'./"),
  )
  run('2026-10')
  octFirst = reportFiles('2026-10')
  octRowsFirst = periodRows('2026-10')
  const noId = csvRows(readFileSync(path.join(reportDir('2026-10'), 'cases-invalid-id.csv'), 'utf8'))
    .slice(1)
    .filter((r) => (r[5] ?? '').includes('身份证号缺失'))
  expect(noId.length).toBeGreaterThanOrEqual(5)
  ;[A, B, C, D, E] = noId.slice(0, 5).map((r) => {
    const line = Number(/register-persons-2026-10\.csv:(\d+):subject/.exec(r[8] ?? '')?.[1])
    expect(line).toBeGreaterThan(1)
    lineOf.set(r[0] as string, line)
    return r[0] as string
  }) as [string, string, string, string, string]
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui decide and case tracking over three months', () => {
  it('tracks a first month: every case new, one snapshot row per listed case, in report order', () => {
    expect(octRowsFirst.map((r) => r.case_key)).toEqual(listedKeys('2026-10'))
    expect(new Set(octRowsFirst.map((r) => r.status))).toEqual(new Set(['new']))
  })

  it('refuses what is not a decision, with stable codes and how to find keys, and records nothing', () => {
    const unknown = decide(
      '--period',
      '2026-10',
      '--case',
      'duplicate:0000000000000000',
      '--decision',
      'confirmed',
    )
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('CASE_NOT_FOUND')
    expect(unknown.stderr).toContain('duplicate:0000000000000000')
    expect(unknown.stderr).toContain('案件编号 column of reports/2026-10/cases.csv')
    expect(unknown.stderr).toContain('bidui cases demo.yaml --period 2026-10')

    const noNote = decide('--period', '2026-10', '--case', A, '--decision', 'false-positive')
    expect(noNote.code).toBe(2)
    expect(noNote.stderr).toContain('CASE_DECISION_INVALID')
    expect(noNote.stderr).toContain('needs a note')

    const badWord = decide('--period', '2026-10', '--case', A, '--decision', 'maybe')
    expect(badWord.stderr).toContain('CASE_DECISION_INVALID')

    const notRun = decide('--period', '2026-09', '--case', A, '--decision', 'confirmed')
    expect(notRun.code).toBe(2)
    expect(notRun.stderr).toContain('CASE_PERIOD_NOT_TRACKED')
    expect(notRun.stderr).toContain('months run: 2026-10')

    writeFileSync(path.join(dir, 'bad.csv'), `案件编号,决定,备注\n${A},误报,\nnope:1,属实,\n${B},也许,\n`)
    const badRows = decide('--period', '2026-10', '--file', 'bad.csv', '--by', '王芳')
    expect(badRows.code).toBe(2)
    expect(badRows.stderr).toContain('CASE_DECISION_INVALID')
    expect(badRows.stderr).toMatch(/line 2: a false positive needs a note/)
    expect(badRows.stderr).toMatch(/line 4: decision "也许" is not one of/)

    // Well-formed rows, one unknown key: all rejected together, the key named with its line.
    writeFileSync(path.join(dir, 'unknown.csv'), `案件编号,决定\n${B},属实\nnope:1,属实\n`)
    const unknownRow = decide('--period', '2026-10', '--file', 'unknown.csv', '--by', '王芳')
    expect(unknownRow.stderr).toContain('CASE_NOT_FOUND')
    expect(unknownRow.stderr).toContain('line 3: nope:1')

    writeFileSync(path.join(dir, 'nocols.csv'), '编号,结论\nx,属实\n')
    const noCols = decide('--period', '2026-10', '--file', 'nocols.csv')
    expect(noCols.stderr).toContain('CASE_DECISIONS_FILE_UNREADABLE')

    expect(auditRows()).toEqual([])
  })

  it('a second run of the month with one decision recorded changes only that case and its counts', () => {
    const r = decide(
      '--period',
      '2026-10',
      '--case',
      A,
      '--decision',
      '误报',
      '--note',
      '入户核查：已有身份证号，登记时漏录',
      '--by',
      '李娜',
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`✓ ${A} 身份证号错误 → 误报 false-positive · 李娜`)
    const again = run('2026-10', '--json')
    const octSecond = reportFiles('2026-10')
    expect([...octSecond.keys()]).toEqual([...octFirst.keys()])
    for (const [f, bytes] of octSecond) {
      if (f === 'summary.json') continue
      const first = (octFirst.get(f) as Buffer).toString('utf8').split('\n')
      const second = bytes.toString('utf8').split('\n')
      // Every line not about A is byte-identical and in the same order; A's line is gone.
      expect(
        second.filter((l) => !l.startsWith(A)),
        f,
      ).toEqual(first.filter((l) => !l.startsWith(A)))
      expect(
        second.some((l) => l.startsWith(A)),
        f,
      ).toBe(false)
      if (f === 'cases.csv' || f === 'cases-invalid-id.csv') expect(first.length - second.length, f).toBe(1)
      else expect(bytes.equals(octFirst.get(f) as Buffer), f).toBe(true)
    }
    // summary.json: only counts move, and each by one case (A's), the invalid-id count among them.
    const moved = jsonDiff(
      JSON.parse((octFirst.get('summary.json') as Buffer).toString('utf8')),
      JSON.parse((octSecond.get('summary.json') as Buffer).toString('utf8')),
    )
    for (const [p, before, after] of moved) {
      expect(typeof before === 'number' && typeof after === 'number', p).toBe(true)
      expect(Math.abs((after as number) - (before as number)), p).toBe(1)
    }
    expect(moved.map(([p]) => p)).toContain('total.cases')
    expect(moved.some(([p]) => p.includes('"invalid-id"') && p.endsWith('.cases'))).toBe(true)
    // The store: the month's snapshot is the same but for A, now suppressed with its reason.
    const rows = periodRows('2026-10')
    const strip = (list: PeriodRow[]) => list.filter((x) => x.case_key !== A)
    expect(strip(rows)).toEqual(strip(octRowsFirst))
    expect(byKey(rows).get(A)).toMatchObject({ status: 'suppressed', decision: 'false-positive' })
    expect(byKey(rows).get(A)?.note).toContain('登记时漏录')
    const s = JSON.parse(again.stdout) as {
      cases: { suppressed: number; listed: number; previousPeriod: null }
    }
    expect(s.cases).toMatchObject({ suppressed: 1, listed: octRowsFirst.length - 1, previousPeriod: null })
  })

  it('records a decisions file (GBK, Chinese headers) in order, each row in the audit log with the decision before it', () => {
    const text = `案件编号,决定,决定人,备注\r\n${B},属实,王芳,\r\n${C},误报,王芳,两人同名\r\n${E},属实,,\r\n${E},已修正,,已在全员人口库补录\r\n`
    writeFileSync(path.join(dir, 'decisions.csv'), iconv.encode(text, 'gbk'))
    const r = decide('--period', '2026-10', '--file', 'decisions.csv')
    expect(r.code, r.stderr).toBe(0)
    const log = auditRows()
    const me = process.env.USER || userInfo().username
    expect(
      log.map((x) => [x.case_key, x.period, x.decision, x.decided_by, x.previous_decision, x.note, x.via]),
    ).toEqual([
      [A, '2026-10', 'false-positive', '李娜', null, '入户核查：已有身份证号，登记时漏录', 'decide'],
      [B, '2026-10', 'confirmed', '王芳', null, null, 'decide --file decisions.csv:2'],
      [C, '2026-10', 'false-positive', '王芳', null, '两人同名', 'decide --file decisions.csv:3'],
      [E, '2026-10', 'confirmed', me, null, null, 'decide --file decisions.csv:4'],
      [E, '2026-10', 'fixed', me, 'confirmed', '已在全员人口库补录', 'decide --file decisions.csv:5'],
    ])
    const octRows = byKey(periodRows('2026-10'))
    // Each decision keeps the evidence it was made on, and the time it was made.
    for (const x of log) {
      expect(x.evidence).toBe(octRows.get(x.case_key as string)?.evidence)
      expect(Date.parse(x.decided_at as string)).not.toBeNaN()
    }
    // Listed before the next run: A's decision is in the month's snapshot, the others wait for a run.
    const listed = JSON.parse(
      cli('cases', 'demo.yaml', '--db', 'x.db', '--period', '2026-10', '--json').stdout,
    ) as {
      cases: { key: string; decision: string | null; pendingDecision: string | null }[]
    }
    const shown = new Map(listed.cases.map((c) => [c.key, [c.decision, c.pendingDecision]]))
    expect(shown.get(A)).toEqual(['false-positive', null])
    expect(shown.get(B)).toEqual([null, 'confirmed'])
    expect(shown.get(E)).toEqual([null, 'fixed'])
    const history = cli('cases', 'demo.yaml', '--db', 'x.db', '--case', E)
    expect(history.stdout).toContain('已修正 fixed by')
    expect(history.stdout).toContain('(was 属实 confirmed)')
  })

  it('honours the decisions next month and gives every other case the status the two case lists imply', () => {
    const moveAddress = (cells: string[]) => cells.map((v, i) => (i === 9 ? `${v}附1号` : v))
    const rename = (cells: string[]) => cells.map((v, i) => (i === 1 ? `${v.slice(0, -1)}彧` : v))
    writeMonth(
      '2026-11',
      new Map<number, ((cells: string[]) => string[]) | 'drop'>([
        [lineOf.get(A) as number, moveAddress],
        [lineOf.get(C) as number, rename],
        [lineOf.get(D) as number, 'drop'],
      ]),
    )
    const r = run('2026-11')
    expect(r.stdout).toMatch(/cases 案件 \(against 2026-10\): .*1 误报已排除 .*1 证据已变化 .*1 重新打开/)
    const nov = byKey(periodRows('2026-11'))
    expect(nov.get(A)).toMatchObject({ status: 'suppressed', decision: 'false-positive' })
    expect(nov.get(B)).toMatchObject({
      status: 'carried',
      decision: 'confirmed',
      reopened: 0,
      evidence_changed: 0,
    })
    expect(nov.get(C)).toMatchObject({ status: 'carried', decision: 'false-positive', evidence_changed: 1 })
    expect(nov.get(C)?.note).toContain('证据已变化')
    expect(nov.get(D)).toMatchObject({ status: 'closed', evidence: null })
    expect(nov.get(E)).toMatchObject({ status: 'carried', decision: 'fixed', reopened: 1 })
    expect(nov.get(E)?.note).toContain('重新打开')

    // Everything else, from the report files alone: listed in both months → carried; listed
    // now only → new; listed in October, not detected now → closed.
    const octListed = new Set(listedKeys('2026-10'))
    const novListed = listedKeys('2026-11')
    expect(novListed).not.toContain(A)
    expect(novListed).toContain(C)
    const detected = new Set([...novListed, A])
    for (const k of novListed) expect(nov.get(k)?.status, k).toBe(octListed.has(k) ? 'carried' : 'new')
    const closed = [...octListed].filter((k) => !detected.has(k))
    expect(
      [...nov.values()]
        .filter((x) => x.status === 'closed')
        .map((x) => x.case_key)
        .sort(),
    ).toEqual(closed.sort())
    expect([...nov.values()].filter((x) => x.status === 'suppressed').map((x) => x.case_key)).toEqual([A])
    expect(closed).toContain(D)
  })

  it('brings a closed case back as new in a third month; the false positive stays suppressed', () => {
    const moveAddress = (cells: string[]) => cells.map((v, i) => (i === 9 ? `${v}附1号` : v))
    const rename = (cells: string[]) => cells.map((v, i) => (i === 1 ? `${v.slice(0, -1)}彧` : v))
    writeMonth(
      '2026-12',
      new Map([
        [lineOf.get(A) as number, moveAddress],
        [lineOf.get(C) as number, rename],
      ]),
    )
    const r = run('2026-12', '--json')
    const s = JSON.parse(r.stdout) as { cases: { previousPeriod: string; new: number; closed: number } }
    expect(s.cases.previousPeriod).toBe('2026-11')
    const dec = byKey(periodRows('2026-12'))
    expect(dec.get(D)?.status).toBe('new')
    expect(dec.get(A)?.status).toBe('suppressed')
    expect(dec.get(B)).toMatchObject({ status: 'carried', decision: 'confirmed' })
    // C's evidence still differs from what was dismissed in October: listed, still flagged.
    expect(dec.get(C)).toMatchObject({ status: 'carried', evidence_changed: 1 })
    const months = (key: string) =>
      queryStore<{ period: string; status: string }>(
        path.join(dir, 'x.db'),
        'select period, status from case_period where case_key = ? order by period',
        key,
      ).map((x) => `${x.period} ${x.status}`)
    expect(months(D)).toEqual(['2026-10 new', '2026-11 closed', '2026-12 new'])
    expect(months(A)).toEqual(['2026-10 suppressed', '2026-11 suppressed', '2026-12 suppressed'])
    const tracked = queryStore<{ first_period: string; last_period: string }>(
      path.join(dir, 'x.db'),
      'select first_period, last_period from tracked_case where case_key = ?',
      D,
    )
    expect(tracked).toEqual([{ first_period: '2026-10', last_period: '2026-12' }])
    const list = cli(
      'cases',
      'demo.yaml',
      '--db',
      'x.db',
      '--period',
      '2026-12',
      '--status',
      'suppressed',
      '--json',
    )
    expect((JSON.parse(list.stdout) as { cases: { key: string }[] }).cases.map((c) => c.key)).toEqual([A])
  })

  it('warns when an earlier month is re-run after later ones', () => {
    const r = run('2026-10')
    expect(r.stdout).toContain('2026-11, 2026-12 were run before this re-run')
  })
})

/**
 * Leaf paths whose values differ between two JSON values, with both values. Arrays of objects
 * are matched by their non-numeric fields (a count cell is named by its check and community),
 * an element on one side only counting as zeros: a list of non-zero cells may drop one.
 */
function jsonDiff(a: unknown, b: unknown, at = ''): [string, unknown, unknown][] {
  const isObjects = (v: unknown): v is Record<string, unknown>[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))
  if (isObjects(a) && isObjects(b)) {
    const name = (o: Record<string, unknown>) =>
      JSON.stringify(Object.entries(o).filter(([, v]) => typeof v !== 'number'))
    const zeros = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? 0 : v]))
    const left = new Map(a.map((o) => [name(o), o]))
    const right = new Map(b.map((o) => [name(o), o]))
    return [...new Set([...left.keys(), ...right.keys()])].flatMap((k) => {
      const l = left.get(k)
      const r = right.get(k)
      return jsonDiff(
        l ?? zeros(r as Record<string, unknown>),
        r ?? zeros(l as Record<string, unknown>),
        `${at}[${k}]`,
      )
    })
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].flatMap((k) =>
      jsonDiff(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        at === '' ? k : `${at}.${k}`,
      ),
    )
  }
  return Object.is(a, b) ? [] : [[at, a, b]]
}
