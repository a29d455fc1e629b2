import type { Case } from '../reconcile/case.js'

/** Cases of one check in one community ('' = 未能定位). */
export interface CommunityCount {
  readonly check: string
  readonly community: string
  readonly cases: number
  readonly review: number
}

/** The key a case is counted under: its community code, '' when none is responsible. */
export function communityKey(c: Pick<Case, 'community'>): string {
  return c.community ?? ''
}

/**
 * The communities to show, in order: the jurisdiction's (as configured), then any other code
 * a case names (sorted), then '' (未能定位) if a case has none.
 */
export function reportCommunities(configured: readonly string[], cases: readonly Case[]): string[] {
  const known = new Set(configured)
  const extra = new Set<string>()
  let none = false
  for (const c of cases) {
    if (c.community === null) none = true
    else if (!known.has(c.community)) extra.add(c.community)
  }
  return [...configured, ...[...extra].sort(), ...(none ? [''] : [])]
}

/** Non-zero counts per check and community, checks in the given order, communities in `communities` order. */
export function countByCommunity(
  cases: readonly Case[],
  checkIds: readonly string[],
  communities: readonly string[],
): CommunityCount[] {
  const cells = new Map<string, { cases: number; review: number }>()
  for (const c of cases) {
    const k = `${c.checkId}\u0000${communityKey(c)}`
    const cell = cells.get(k) ?? { cases: 0, review: 0 }
    cell.cases++
    if (c.review) cell.review++
    cells.set(k, cell)
  }
  const out: CommunityCount[] = []
  for (const check of checkIds)
    for (const community of communities) {
      const cell = cells.get(`${check}\u0000${community}`)
      if (cell !== undefined) out.push({ check, community, ...cell })
    }
  return out
}
