import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Kysely } from 'kysely'
import { caseDecisions } from '../cases/case-decision.js'
import { type CaseEvidence, type EvidenceField, readCaseEvidence } from '../cases/case-evidence.js'
import { caseStatuses } from '../cases/case-status.js'
import { checkDecision } from '../cases/parse-decisions-csv.js'
import { BiduiError } from '../errors/bidui-error.js'
import { decideCases } from '../pipeline/decide-cases.js'
import {
  type CaseListFilter,
  type CaseListSort,
  caseListSorts,
  countMonthCases,
  countStatusesByPeriod,
  listCasePage,
  listCaseScopes,
} from '../store/case-list.repository.js'
import {
  type CaseScope,
  findLatestDecision,
  listCaseMonths,
  listTrackedPeriods,
  readDecisionLog,
} from '../store/cases.repository.js'
import type { Database } from '../store/database.js'
import { presentedToken, tokenCookie, tokenMatches } from './access-token.js'
import { evidenceValueLabel } from './evidence-labels.js'
import { maskIdsInText } from './mask-ids.js'
import { renderTrendSvg } from './trend-chart.js'
import { renderWaterfallSvg } from './waterfall-chart.js'

export interface ServeContext {
  readonly db: Kysely<Database>
  readonly token: string
  /** The store's name, for error messages and the page header. */
  readonly store: string
  readonly now?: () => Date
}

/** Nothing loads from elsewhere; scripts and styles only from this server's own files. */
const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const assets: Readonly<Record<string, string>> = {
  '/assets/app.js': 'text/javascript; charset=utf-8',
  '/assets/app.css': 'text/css; charset=utf-8',
}

/** The request handler of `bidui serve`: token check, then page, assets or JSON API. */
export function serveHandler(ctx: ServeContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL', message: String(e) })
      else res.end()
    })
  }
}

async function handle(ctx: ServeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  res.setHeader('Content-Security-Policy', csp)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('X-Frame-Options', 'DENY')
  const presented = presentedToken(req, url)
  if (!tokenMatches(presented, ctx.token)) {
    sendJson(res, 401, {
      error: 'UNAUTHORIZED',
      message: 'This page needs the access token bidui serve printed: open the URL with ?token=… it gave.',
    })
    return
  }
  if (url.searchParams.has('token'))
    res.setHeader(
      'Set-Cookie',
      `${tokenCookie}=${encodeURIComponent(ctx.token)}; HttpOnly; SameSite=Strict; Path=/`,
    )
  const route = `${req.method} ${url.pathname}`
  if (route === 'GET /') return sendFile(res, 'index.html', 'text/html; charset=utf-8')
  const asset = assets[url.pathname]
  if (req.method === 'GET' && asset !== undefined) return sendFile(res, url.pathname.slice(8), asset)
  if (route === 'GET /assets/font.css') return sendFont(res, '400.css')
  const font = /^\/assets\/fonts\/(noto-sans-sc-[\w-]+\.woff2?)$/.exec(url.pathname)
  if (req.method === 'GET' && font !== null) return sendFont(res, `files/${font[1]}`)
  try {
    switch (route) {
      case 'GET /api/scopes':
        return sendJson(res, 200, await scopes(ctx))
      case 'GET /api/overview':
        return sendJson(res, 200, await overview(ctx, url))
      case 'GET /api/trend.svg': {
        const scope = await scopeOf(ctx, url)
        const svg = renderTrendSvg(await countStatusesByPeriod(ctx.db, scope), langOf(url))
        // An SVG shown as an image runs no script; echarts styles it inline.
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        res.writeHead(200, { 'Content-Type': 'image/svg+xml; charset=utf-8' }).end(svg)
        return
      }
      case 'GET /api/waterfall.svg': {
        const { evidence } = await casePeriodRow(ctx, url)
        if (evidence?.match == null || url.searchParams.get('blind') === '1')
          throw new NotFoundError('This case has no scored pair to explain (or blind mode is on).')
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        res
          .writeHead(200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
          .end(renderWaterfallSvg(evidence.match, langOf(url)))
        return
      }
      case 'GET /api/cases':
        return sendJson(res, 200, await cases(ctx, url))
      case 'GET /api/case':
        return sendJson(res, 200, await caseView(ctx, url))
      case 'POST /api/decide':
        return sendJson(res, 200, await decide(ctx, url, await readJson(req)))
      default:
        sendJson(res, 404, { error: 'NOT_FOUND', message: `No ${route}` })
    }
  } catch (e) {
    if (e instanceof BiduiError) {
      const status =
        e.code === 'CASE_DECISION_CONFLICT'
          ? 409
          : e.code === 'CASE_NOT_FOUND' || e.code === 'CASE_PERIOD_NOT_TRACKED'
            ? 404
            : 400
      sendJson(res, status, { error: e.code, message: e.message, hint: e.hint ?? null })
      return
    }
    throw e
  }
}

class BadRequestError extends BiduiError {
  readonly code = 'CASE_DECISION_INVALID'
}

class NotFoundError extends BiduiError {
  readonly code = 'CASE_NOT_FOUND'
}

async function scopes(ctx: ServeContext) {
  const list = await listCaseScopes(ctx.db)
  return Promise.all(list.map(async (s) => ({ ...s, periods: await listTrackedPeriods(ctx.db, s) })))
}

async function scopeOf(ctx: ServeContext, url: URL): Promise<CaseScope> {
  const all = await listCaseScopes(ctx.db)
  const pipeline = url.searchParams.get('pipeline')
  const county = url.searchParams.get('county')
  const found =
    pipeline === null
      ? all[0]
      : all.find((s) => s.pipeline === pipeline && (county === null || s.county === county))
  if (found === undefined)
    throw new BadRequestError(
      pipeline === null
        ? 'The store holds no tracked cases yet.'
        : `No cases of pipeline ${pipeline} in the store.`,
      'Run a month first: bidui run <pipeline> --period YYYY-MM',
    )
  return found
}

async function periodOf(ctx: ServeContext, url: URL, scope: CaseScope): Promise<string> {
  const asked = url.searchParams.get('period')
  const periods = await listTrackedPeriods(ctx.db, scope)
  if (asked !== null && asked !== '') {
    if (!periods.includes(asked))
      throw new BadRequestError(`${asked} was not run (months run: ${periods.join(', ')}).`)
    return asked
  }
  const latest = periods.at(-1)
  if (latest === undefined) throw new BadRequestError('No month was run yet.')
  return latest
}

async function overview(ctx: ServeContext, url: URL) {
  const scope = await scopeOf(ctx, url)
  const period = await periodOf(ctx, url, scope)
  return {
    scope,
    period,
    counts: await countMonthCases(ctx.db, scope, period),
    trend: await countStatusesByPeriod(ctx.db, scope),
  }
}

function optional(url: URL, name: string): string | undefined {
  const v = url.searchParams.get(name)
  return v === null || v === '' ? undefined : v
}

async function cases(ctx: ServeContext, url: URL) {
  const scope = await scopeOf(ctx, url)
  const period = await periodOf(ctx, url, scope)
  const problems: string[] = []
  const status = optional(url, 'status')
  if (status !== undefined && !(caseStatuses as readonly string[]).includes(status))
    problems.push(`status ${status} is not one of ${caseStatuses.join(', ')}`)
  const decision = optional(url, 'decision')
  if (
    decision !== undefined &&
    decision !== 'none' &&
    !(caseDecisions as readonly string[]).includes(decision)
  )
    problems.push(`decision ${decision} is not one of none, ${caseDecisions.join(', ')}`)
  const sort = optional(url, 'sort') ?? 'seq'
  if (!(caseListSorts as readonly string[]).includes(sort))
    problems.push(`sort ${sort} is not one of ${caseListSorts.join(', ')}`)
  const review = optional(url, 'review')
  const limit = Math.min(200, Math.max(1, Number(optional(url, 'limit') ?? 50) || 50))
  const pageNo = Math.max(0, Math.floor(Number(optional(url, 'page') ?? 0) || 0))
  if (problems.length > 0) throw new BadRequestError(problems.join('; '))
  const community = url.searchParams.get('community')
  const filter: CaseListFilter = {
    period,
    ...(optional(url, 'check') === undefined ? {} : { checkId: optional(url, 'check') as string }),
    // community= (present, empty) is not a filter; community=- means 未能定位.
    ...(community === null || community === '' ? {} : { community: community === '-' ? '' : community }),
    ...(status === undefined ? {} : { status: status as CaseListFilter['status'] & string }),
    ...(decision === undefined ? {} : { decision: decision as NonNullable<CaseListFilter['decision']> }),
    ...(review === undefined ? {} : { review: review === '1' }),
    ...(optional(url, 'q') === undefined ? {} : { search: (optional(url, 'q') as string).trim() }),
  }
  const started = process.hrtime.bigint()
  const page = await listCasePage(
    ctx.db,
    scope,
    filter,
    { by: sort as CaseListSort, desc: url.searchParams.get('desc') === '1' },
    { offset: pageNo * limit, limit },
  )
  return {
    period,
    page: pageNo,
    limit,
    total: page.total,
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    rows: page.rows.map((r) => ({ ...r, reason: maskIdsInText(r.reason) })),
  }
}

/** The month's row of the case the URL names (key, period), with its evidence as stored. */
async function casePeriodRow(ctx: ServeContext, url: URL) {
  const scope = await scopeOf(ctx, url)
  const period = await periodOf(ctx, url, scope)
  const key = optional(url, 'key') ?? ''
  const row = await ctx.db
    .selectFrom('case_period')
    .selectAll()
    .where('pipeline', '=', scope.pipeline)
    .where('county', '=', scope.county)
    .where('period', '=', period)
    .where('case_key', '=', key)
    .executeTakeFirst()
  if (row === undefined) {
    const months = await listCaseMonths(ctx.db, scope, key)
    throw new BadRequestError(
      `No case ${key} in ${period}${months.length > 0 ? ` (seen in ${months.map((m) => m.period).join(', ')})` : ''}.`,
    )
  }
  return { scope, period, key, row, evidence: readCaseEvidence(row.evidence_detail) }
}

/**
 * The evidence as the browser gets it: ID numbers masked in every value (the store keeps them
 * whole); in blind mode no probability and no waterfall, so the reviewer decides on the records.
 */
function evidenceForBrowser(e: CaseEvidence, blind: boolean, lang: 'zh' | 'en') {
  const show = (f: string, v: string | null) =>
    v === null ? null : maskIdsInText(evidenceValueLabel(f as EvidenceField, v, lang))
  return {
    records: e.records.map((r) => ({
      ...r,
      ref: maskIdsInText(r.ref),
      fields: Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, show(k, v)])),
    })),
    differences: e.differences.map((d) => ({
      ...d,
      recorded: maskIdsInText(d.recorded),
      believed: maskIdsInText(d.believed),
    })),
    problems: e.problems,
    probability: blind ? null : e.probability,
    match: blind ? null : e.match,
  }
}

async function caseView(ctx: ServeContext, url: URL) {
  const { scope, period, key, row, evidence } = await casePeriodRow(ctx, url)
  const months = await listCaseMonths(ctx.db, scope, key)
  const log = await readDecisionLog(ctx.db, scope, key)
  const latest = await findLatestDecision(ctx.db, scope, key)
  return {
    scope,
    period,
    key,
    checkId: row.check_id,
    checkName: row.check_name,
    community: row.community,
    review: row.review === 1,
    reason: maskIdsInText(row.reason),
    status: row.status,
    decision: row.decision,
    evidenceChanged: row.evidence_changed === 1,
    reopened: row.reopened === 1,
    note: row.note === null ? null : maskIdsInText(row.note),
    blind: url.searchParams.get('blind') === '1',
    // null for a month tracked before the store kept evidence (migration 0006): the page says so.
    evidence:
      evidence === null
        ? null
        : evidenceForBrowser(evidence, url.searchParams.get('blind') === '1', langOf(url)),
    history: months,
    decisions: log.map((d) => ({
      id: d.id,
      period: d.period,
      decision: d.decision,
      by: d.decided_by,
      at: d.decided_at,
      note: d.note,
      via: d.via,
    })),
    latestDecisionId: latest?.id ?? null,
    // Decided since the month was run: in force from the next run (as bidui cases shows it).
    pendingDecision:
      latest !== undefined && latest.id !== row.decision_id && latest.period <= period
        ? latest.decision
        : null,
  }
}

async function decide(ctx: ServeContext, url: URL, body: unknown) {
  const scope = await scopeOf(ctx, url)
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const period = str(b.period)
  const checked = checkDecision({
    caseKey: str(b.key),
    decision: str(b.decision),
    by: str(b.by),
    note: str(b.note),
  })
  const expected = b.expectedDecisionId
  if (!checked.ok)
    throw new BadRequestError(checked.problems.join('; '), 'Fill in your name, and a note for 误报.')
  if (expected !== null && typeof expected !== 'number')
    throw new BadRequestError(
      'expectedDecisionId must be the latestDecisionId the case view showed (or null).',
    )
  const recorded = await decideCases(
    ctx.db,
    { ...scope, period },
    [{ ...checked.request, expectedDecisionId: expected }],
    {
      pipelineFile: scope.pipeline,
      store: ctx.store,
      via: 'serve',
      now: (ctx.now ?? (() => new Date()))(),
    },
  )
  return { recorded }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 65536) throw new BadRequestError('The request body is larger than 64 KiB.')
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new BadRequestError('The request body is not JSON.')
  }
}

function langOf(url: URL): 'zh' | 'en' {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'zh'
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

/** The page's files, read from src/serve/assets (they are not compiled, so dist reads them there too). */
function sendFile(res: ServerResponse, name: string, type: string): void {
  res.writeHead(200, { 'Content-Type': type }).end(readFileSync(path.join(assetsDir(), name)))
}

let assetsDirCache: string | undefined
function assetsDir(): string {
  if (assetsDirCache !== undefined) return assetsDirCache
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  assetsDirCache = path.join(dir, 'src', 'serve', 'assets')
  return assetsDirCache
}

/**
 * Noto Sans SC from the @fontsource package (a dependency the reports already embed): office
 * PCs without a Chinese font still read the page, and nothing is fetched from a CDN. The
 * browser loads only the unicode-range slices the page uses.
 */
function sendFont(res: ServerResponse, file: string): void {
  const dir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'))
  const full = path.join(dir, file)
  if (!existsSync(full)) {
    sendJson(res, 404, { error: 'NOT_FOUND', message: file })
    return
  }
  if (file.endsWith('.css')) {
    const css = readFileSync(full, 'utf8').replaceAll('url(./files/', 'url(/assets/fonts/')
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(css)
    return
  }
  res.setHeader('Cache-Control', 'private, max-age=86400')
  res
    .writeHead(200, { 'Content-Type': file.endsWith('.woff2') ? 'font/woff2' : 'font/woff' })
    .end(readFileSync(full))
}
