import type { LinkedPair } from '../reconcile/reconcile-input.js'

/** Pairs whose match weight falls in [from, from + 1), by band. */
export interface WeightBin {
  readonly from: number
  readonly accept: number
  readonly review: number
}

/** Probabilities this close to 0 or 1 are clamped: their weight would be infinite. */
const clamp = 1e-12

/**
 * Match weight of a probability, log₂(p / (1 − p)) (Splink's, the sum of the comparisons'
 * Bayes factors in bits).
 */
export function matchWeight(p: number): number {
  const q = Math.min(1 - clamp, Math.max(clamp, p))
  return Math.log2(q / (1 - q))
}

/** Histogram of the kept pairs' match weights, one bin per whole weight, every bin between the extremes. */
export function matchWeightHistogram(pairs: readonly LinkedPair[]): WeightBin[] {
  if (pairs.length === 0) return []
  const counts = new Map<number, { accept: number; review: number }>()
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const p of pairs) {
    const bin = Math.floor(matchWeight(p.probability))
    lo = Math.min(lo, bin)
    hi = Math.max(hi, bin)
    const c = counts.get(bin) ?? { accept: 0, review: 0 }
    c[p.band]++
    counts.set(bin, c)
  }
  const bins: WeightBin[] = []
  for (let b = lo; b <= hi; b++) bins.push({ from: b, ...(counts.get(b) ?? { accept: 0, review: 0 }) })
  return bins
}
