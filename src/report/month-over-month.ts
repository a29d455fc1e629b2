import type { PreviousCounts } from './previous-counts.js'

/** Last month's count of a check (and community, '' = 未能定位), or null when last month is unknown there. */
export function previousCount(
  previous: PreviousCounts | null,
  check: string,
  community?: string,
): number | null {
  const p = previous?.checks[check]
  if (previous === null) return null
  if (community === undefined) return p?.total ?? 0
  if (p === undefined) return 0
  if (p.byCommunity === undefined) return null
  return p.byCommunity[community] ?? 0
}

/** Signed change as shown in reports: +3, −2, 0; empty when last month is unknown. */
export function formatChange(now: number, before: number | null): string {
  if (before === null) return ''
  const d = now - before
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0'
}
