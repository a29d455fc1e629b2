import { maskResidentIdZh } from '../reconcile/labels-zh.js'
import type { ReconcileRecord } from '../reconcile/reconcile-input.js'
import { partZh } from './case-rows.js'
import { caseStatusLabel } from './case-status-label.js'
import { communityKey } from './community-counts.js'
import { communityName, type PeriodReport } from './period-report.js'
import { checkTitle, label } from './report-labels.js'

/** One case on a field-verification sheet (入户核查表): what the visitor needs, nothing to fill in yet. */
export interface VerificationEntry {
  readonly key: string
  readonly check: string
  readonly review: boolean
  readonly status: string
  readonly reason: string
  /** The first subject's name and ID (masked per setting). */
  readonly name: string
  readonly residentId: string
  /** Where the subject lives, when a record says (现住址 / 户籍地址), else ''. */
  readonly address: string
  readonly householdNo: string
  /** Every record of the case: `核查对象 王丽 410105********1234 file:line:role`. */
  readonly records: readonly string[]
  readonly probability: string
}

/** One community's sheet. `file` is the base name (community code, or no-community). */
export interface VerificationSheet {
  readonly community: string
  readonly file: string
  readonly title: string
  readonly period: string
  readonly entries: readonly VerificationEntry[]
}

/** File base name of a community's sheet: its code ('' = 未能定位 → no-community), safe as a file name. */
export function sheetFileName(community: string): string {
  return community === '' ? 'no-community' : community.replace(/[^0-9A-Za-z_-]/g, '_')
}

/**
 * The verification sheets of a period, one per community shown in the report (a configured
 * community without cases gets an empty sheet, so last month's is not left looking current),
 * cases in the report's order (check, then case order from reconcile).
 */
export function verificationSheets(report: PeriodReport): VerificationSheet[] {
  const lang = report.lang
  const ctx = report.rows
  const id = (r: ReconcileRecord | undefined) => {
    const v = r?.residentId.norm ?? null
    if (v === null) return ''
    return ctx.maskIds ? maskResidentIdZh(v) : v
  }
  const titles = new Map(report.checks.map((c) => [c.id, checkTitle(c, lang)]))
  const byCommunity = new Map<string, VerificationEntry[]>(report.communities.map((c) => [c, []]))
  for (const c of report.cases) {
    const subjects = c.records.filter((r) => r.part === 'subject').map((r) => ctx.records[r.index])
    const first = subjects[0]
    const placed = [first, ...c.records.map((r) => ctx.records[r.index])]
    const entry: VerificationEntry = {
      key: c.key,
      check: titles.get(c.checkId) ?? c.checkName,
      review: c.review,
      status: caseStatusLabel(c.status, lang),
      reason: c.reason,
      name: first?.name ?? '',
      residentId: id(first),
      address: placed.find((r) => r?.dwelling != null)?.dwelling ?? '',
      householdNo: placed.find((r) => r?.householdNo != null)?.householdNo ?? '',
      records: c.records.map((cr) => {
        const r = ctx.records[cr.index]
        const who = r === undefined ? '' : [r.name ?? '（无姓名）', id(r)].filter((s) => s !== '').join(' ')
        return `${partZh[cr.part]} ${who} ${cr.ref}`
      }),
      probability: c.probability === null ? '' : c.probability.toFixed(3),
    }
    byCommunity.get(communityKey(c))?.push(entry)
  }
  return report.communities.map((community) => {
    const name = communityName(report, community, label('noCommunity', lang))
    return {
      community,
      file: sheetFileName(community),
      title: `${report.jurisdiction} ${name}${community === '' ? '' : ` (${community})`} ${label('sheetTitle', lang)} ${report.period}`,
      period: report.period,
      entries: byCommunity.get(community) ?? [],
    }
  })
}
