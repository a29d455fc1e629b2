import type { CasePeriodEntry } from './case-period-entry.js'
import { type CaseStatus, isOpen } from './case-status.js'

/** How a month's cases stand against the previous month run: the closing lines of bidui run. */
export interface CaseTrackingSummary {
  readonly period: string
  /** The latest earlier month tracked, which statuses are against; null for the first month. */
  readonly previousPeriod: string | null
  /** Listed this month (new + carried). */
  readonly listed: number
  readonly new: number
  readonly carried: number
  /** Open in the previous month, not detected now (已消除). */
  readonly closed: number
  /** Decided false positives detected on unchanged evidence, not listed. */
  readonly suppressed: number
  /** Decided false positives listed again because their evidence changed (证据已变化). */
  readonly evidenceChanged: number
  /** Marked fixed earlier and detected again (重新打开). */
  readonly reopened: number
  /** Listed cases with a decision in force (confirmed, or fixed this month, or reopened…). */
  readonly decided: number
}

export function summarizeTracking(
  period: string,
  previousPeriod: string | null,
  entries: readonly CasePeriodEntry[],
): CaseTrackingSummary {
  const n = (s: CaseStatus) => entries.filter((e) => e.status === s).length
  const listed = entries.filter((e) => isOpen(e.status))
  return {
    period,
    previousPeriod,
    listed: listed.length,
    new: n('new'),
    carried: n('carried'),
    closed: n('closed'),
    suppressed: n('suppressed'),
    evidenceChanged: listed.filter((e) => e.evidenceChanged).length,
    reopened: listed.filter((e) => e.reopened).length,
    decided: listed.filter((e) => e.decision !== null).length,
  }
}

/** Month-over-month counts of one check in one community. */
export interface CheckCommunityCount {
  readonly checkId: string
  /** Community code; null is 未能定位. */
  readonly community: string | null
  /** Listed this month. */
  readonly listed: number
  /** Listed in the previous month tracked (0 when none). */
  readonly previousListed: number
  readonly new: number
  readonly carried: number
  readonly closed: number
  readonly suppressed: number
}

/**
 * Counts per check and community from two snapshots (this month's and the previous month
 * tracked, empty if none), every pair that has a case in either; ordered by `checkIds` (checks
 * not listed there last, by id), then community code, 未能定位 last.
 */
export function countByCheckAndCommunity(
  current: readonly CasePeriodEntry[],
  previous: readonly CasePeriodEntry[],
  checkIds: readonly string[],
): CheckCommunityCount[] {
  type Mutable = { -readonly [K in keyof CheckCommunityCount]: CheckCommunityCount[K] }
  const rows = new Map<string, Mutable>()
  const row = (checkId: string, community: string | null): Mutable => {
    const k = `${checkId}\u0000${community ?? ''}`
    let r = rows.get(k)
    if (r === undefined) {
      r = { checkId, community, listed: 0, previousListed: 0, new: 0, carried: 0, closed: 0, suppressed: 0 }
      rows.set(k, r)
    }
    return r
  }
  for (const e of current) {
    const r = row(e.checkId, e.community)
    if (e.status === 'new') r.new++
    else if (e.status === 'carried') r.carried++
    else if (e.status === 'closed') r.closed++
    else r.suppressed++
    if (isOpen(e.status)) r.listed++
  }
  for (const e of previous) if (isOpen(e.status)) row(e.checkId, e.community).previousListed++
  const order = (id: string) => {
    const i = checkIds.indexOf(id)
    return i < 0 ? checkIds.length : i
  }
  return [...rows.values()].sort(
    (a, b) =>
      order(a.checkId) - order(b.checkId) ||
      compareText(a.checkId, b.checkId) ||
      compareText(a.community ?? '\uffff', b.community ?? '\uffff'),
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
