import { type Comparison, comparisonLevel, nullLevel } from './comparison.js'
import type { PreparedRecords } from './prepare-records.js'
import { probabilitiesWithFloor } from './probabilities-with-floor.js'

/** Options of estimateU. */
export interface EstimateUOptions {
  /** Uniform in [0, 1): a seeded generator, so u is reproducible. */
  readonly rng: () => number
  /** Number of random pairs to draw (Splink's max_pairs); 1e6 is typical for a district. */
  readonly sampleSize: number
  /** Smallest u any level may get, so no level has u = 0 (an infinite weight). Default 1e-6. */
  readonly floor?: number
  /**
   * Link-only runs: sourceOf[i] is record i's source, and only pairs of records from different
   * sources are drawn (uniformly among such pairs), the population the model will score. Absent:
   * any two distinct records.
   */
  readonly sourceOf?: ArrayLike<number>
  /** With sourceOf: `across` (default) draws pairs of different sources, `within` pairs of one source (dedupe each source). */
  readonly sourcePairs?: 'across' | 'within'
}

/**
 * Estimates u (P(level | non-match)) per comparison and level value from random record pairs:
 * among millions of records nearly every random pair is a non-match. Pairs with a null level
 * are left out of that comparison's counts. Levels are floored at `floor` and renormalized to
 * sum to 1; a comparison never seen non-null gets a uniform u.
 * Returns u[c][level] for level values 0 (else) … best. Needs at least two records (with
 * `sourceOf`, of two different sources: a RangeError otherwise).
 */
export function estimateU(
  prepared: PreparedRecords,
  comparisons: readonly Comparison[],
  options: EstimateUOptions,
): number[][] {
  const { rng, sampleSize } = options
  const floor = options.floor ?? 1e-6
  const n = prepared.count
  if (n < 2) throw new RangeError('estimateU needs at least two records.')
  const sourceOf = options.sourceOf
  const within = options.sourcePairs === 'within'
  if (sourceOf !== undefined && !hasPair(sourceOf, n, within)) {
    throw new RangeError(
      within
        ? 'estimateU within sources needs a source with at least two records.'
        : 'estimateU with sourceOf needs records of at least two sources.',
    )
  }
  const counts = comparisons.map((c) => new Float64Array(c.levels.length))
  for (let s = 0; s < sampleSize; s++) {
    const i = Math.floor(rng() * n)
    // Draw j from the other n − 1 records so a record is never paired with itself.
    let j = Math.floor(rng() * (n - 1))
    if (j >= i) j++
    // Rejection keeps the allowed pairs uniform; two sources of similar size accept half the draws.
    if (sourceOf !== undefined && (sourceOf[i] === sourceOf[j]) !== within) {
      s--
      continue
    }
    for (let c = 0; c < comparisons.length; c++) {
      const column = prepared.columns[c] as readonly unknown[]
      const level = comparisonLevel(comparisons[c] as Comparison, column[i] ?? null, column[j] ?? null)
      if (level === nullLevel) continue
      const levelCounts = counts[c] as Float64Array
      levelCounts[level] = (levelCounts[level] as number) + 1
    }
  }
  return counts.map((levelCounts) => probabilitiesWithFloor(levelCounts, floor))
}

/** Whether any pair of the kind wanted exists: two records of different sources, or of one. */
function hasPair(sourceOf: ArrayLike<number>, n: number, within: boolean): boolean {
  if (sourceOf.length !== n) throw new RangeError(`sourceOf has ${sourceOf.length} entries for ${n} records.`)
  const seen = new Set<number>()
  for (let i = 0; i < n; i++) {
    const s = sourceOf[i] as number
    if (within ? seen.has(s) : seen.size > 0 && !seen.has(s)) return true
    seen.add(s)
  }
  return false
}
