import type { Rng } from './create-rng.js'

/** Draws items in proportion to their weights (binary search over cumulative weights). */
export type WeightedPicker<T> = (rng: Rng) => T

/**
 * Builds a picker over `[item, weight]` entries; weights need not sum to 1.
 * @example weightedPicker([['王', 7.1], ['李', 7.0]])(rng)
 */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
  if (entries.length === 0) throw new Error('weightedPicker needs at least one entry')
  const items = entries.map((e) => e[0])
  const cumulative = new Float64Array(entries.length)
  let total = 0
  entries.forEach((e, i) => {
    total += e[1]
    cumulative[i] = total
  })
  return (rng) => {
    const x = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cumulative[mid] as number) > x) hi = mid
      else lo = mid + 1
    }
    return items[lo] as T
  }
}
