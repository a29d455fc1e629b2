import { type Comparison, nullLevel } from './comparison.js'
import { comparisonVector } from './comparison-vector.js'
import {
  type ComparisonParameters,
  type FellegiSunterModel,
  scoreComparisonVector,
} from './fellegi-sunter.js'
import { decodePatternKey, patternKey } from './pattern-key.js'
import type { PreparedRecords } from './prepare-records.js'
import { termFrequencies } from './term-frequencies.js'

/** Scores pairs of prepared records against one model. */
export interface PairScorer {
  /** Match weight in bits (prior included) of records i and j; fills `vector` as a side effect. */
  score(i: number, j: number): number
  /**
   * The same weight from the pair's pattern key (patternKey of its comparison vector, e.g. from
   * pairPatternKeys) and its left record i, whose term frequencies adjust it: no comparator runs.
   */
  scoreKey(key: number, i: number): number
  /** The comparison vector of the last pair scored by `score` (reused: copy it to keep it). */
  readonly vector: Int8Array
  /** Pattern key of the last pair scored by `score`. */
  lastPatternKey(): number
}

/** What a pattern contributes to every pair holding it: its weight and its term-frequency comparisons. */
interface PatternScore {
  readonly weight: number
  /** Comparisons of the pattern sitting on their term-frequency level, with the level's u. */
  readonly tf: readonly { readonly c: number; readonly u: number; readonly minimumU: number }[]
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
  const cache = new Map<number, PatternScore>()
  const tfColumns = comparisons.map((c, index) =>
    c.termFrequency === null ? null : termFrequencies(c, prepared, index),
  )
  const tfComparisons = tfColumns.flatMap((column, c) => (column === null ? [] : [c]))
  const patternScore = (key: number): PatternScore => {
    let known = cache.get(key)
    if (known === undefined) {
      const levels = decodePatternKey(key, comparisons.length)
      const tf: { c: number; u: number; minimumU: number }[] = []
      for (const c of tfComparisons) {
        const level = levels[c] as number
        const p = model.comparisons[c] as ComparisonParameters
        if (level === nullLevel || level !== p.tfLevel) continue
        tf.push({ c, u: p.u[level] as number, minimumU: p.tfMinimumU })
      }
      known = { weight: scoreComparisonVector(model, levels), tf }
      cache.set(key, known)
    }
    return known
  }
  const scoreKey = (key: number, i: number): number => {
    const pattern = patternScore(key)
    let weight = pattern.weight
    for (const t of pattern.tf) {
      const tf = (tfColumns[t.c] as Float64Array)[i] as number
      if (!Number.isNaN(tf)) weight += Math.log2(t.u / Math.max(tf, t.minimumU))
    }
    return weight
  }
  let key = 0
  return {
    vector,
    lastPatternKey: () => key,
    scoreKey,
    score(i, j) {
      comparisonVector(comparisons, prepared, i, j, vector)
      key = patternKey(vector)
      return scoreKey(key, i)
    },
  }
}
