import { decodePatternKey } from './pattern-key.js'
import { probabilitiesWithFloor } from './probabilities-with-floor.js'

/**
 * m (P(level | match)) per comparison from patterns of pairs taken to be matches, e.g. pairs
 * that share a valid resident ID: each comparison's distribution of non-null levels, floored at
 * `floor` and summing to 1. Use it to seed EM's m. The comparisons that selected the pairs agree
 * on all of them by construction, so their m from here says nothing: keep their prior instead.
 */
export function mFromPatterns(
  patterns: ReadonlyMap<number, number>,
  comparisons: readonly { readonly levels: readonly unknown[] }[],
  floor = 1e-6,
): number[][] {
  const counts = comparisons.map((c) => new Float64Array(c.levels.length))
  for (const [key, n] of patterns) {
    const vector = decodePatternKey(key, comparisons.length)
    vector.forEach((level, c) => {
      if (level < 0) return
      const levelCounts = counts[c] as Float64Array
      levelCounts[level] = (levelCounts[level] as number) + n
    })
  }
  return counts.map((levelCounts) => probabilitiesWithFloor(levelCounts, floor))
}
