import type { Population } from './population.js'

/** Person ids ordered by household, then id (a counting sort: a million people in one pass). */
export function orderByHousehold(pop: Population): Int32Array {
  const n = pop.households.length
  const counts = new Int32Array(n + 1)
  for (const p of pop.persons)
    if (p.household >= 0) counts[p.household + 1] = (counts[p.household + 1] as number) + 1
  for (let i = 1; i <= n; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number)
  const out = new Int32Array(counts[n] as number)
  for (const p of pop.persons) {
    if (p.household < 0) continue
    const k = counts[p.household] as number
    out[k] = p.id
    counts[p.household] = k + 1
  }
  return out
}
