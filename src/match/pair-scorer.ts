import { type Comparison, nullLevel } from './comparison.js'
import { comparisonVector } from './comparison-vector.js'
import {
  type ComparisonParameters,
  type FellegiSunterModel,
  scoreComparisonVector,
} from './fellegi-sunter.js'
import { patternKey } from './pattern-key.js'
import type { PreparedRecords } from './prepare-records.js'
import { termFrequencies } from './term-frequencies.js'

/** Scores pairs of prepared records against one model. */
export interface PairScorer {
  /** Match weight in bits (prior included) of records i and j; fills `vector` as a side effect. */
  score(i: number, j: number): number
  /** The comparison vector of the last pair scored (reused: copy it to keep it). */
  readonly vector: Int8Array
  /** Pattern key of the last pair scored. */
  lastPatternKey(): number
}

/**
 * Builds the hot-path scorer. The weight of each distinct pattern is computed once and cached
 * (a few hundred patterns cover millions of pairs); a term-frequency term is then added for
 * pairs agreeing on a comparison's tfLevel: log2(uLevel / max(tf, tfMinimumU)), equivalent to
 * replacing u by the value's frequency (fellegi-sunter.ts tfAdjustedU). Pure; not thread-shared.
 * `model.comparisons` must be in the order of `comparisons`.
 */
export function createPairScorer(
  comparisons: readonly Comparison[],
  prepared: PreparedRecords,
  model: FellegiSunterModel,
): PairScorer {
  const vector = new Int8Array(comparisons.length)
  const cache = new Map<number, number>()
  const tfColumns = comparisons.map((c, index) =>
    c.termFrequency === null ? null : termFrequencies(c, prepared, index),
  )
  const tfComparisons = tfColumns.flatMap((column, c) => (column === null ? [] : [c]))
  let key = 0
  return {
    vector,
    lastPatternKey: () => key,
    score(i, j) {
      comparisonVector(comparisons, prepared, i, j, vector)
      key = patternKey(vector)
      let weight = cache.get(key)
      if (weight === undefined) {
        weight = scoreComparisonVector(model, vector)
        cache.set(key, weight)
      }
      for (const c of tfComparisons) {
        const level = vector[c] as number
        const p = model.comparisons[c] as ComparisonParameters
        if (level === nullLevel || level !== p.tfLevel) continue
        const tf = (tfColumns[c] as Float64Array)[i] as number
        if (!Number.isNaN(tf)) weight += Math.log2((p.u[level] as number) / Math.max(tf, p.tfMinimumU))
      }
      return weight
    },
  }
}
