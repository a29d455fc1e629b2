import type { PreviousCounts } from './previous-counts.js'

/** Case tracking's per check and community row (cases/case-tracking-summary.ts CheckCommunityCount), as far as reports read it. */
export interface TrackedCommunityCount {
  readonly checkId: string
  readonly community: string | null
  readonly previousListed: number
}

/** Last month's counts from case tracking: the month it compared with and what was listed then. */
export function previousFromTracking(
  previousPeriod: string,
  rows: readonly TrackedCommunityCount[],
): PreviousCounts {
  const checks: Record<string, { total: number; byCommunity: Record<string, number> }> = {}
  for (const r of rows) {
    const c = checks[r.checkId] ?? { total: 0, byCommunity: {} }
    checks[r.checkId] = c
    c.total += r.previousListed
    const k = r.community ?? ''
    c.byCommunity[k] = (c.byCommunity[k] ?? 0) + r.previousListed
  }
  return { period: previousPeriod, checks }
}
