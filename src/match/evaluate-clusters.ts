/** How well predicted clusters recover the true entities. */
export interface ClusterScores {
  /** Predicted clusters among the records in scope, singletons included. */
  readonly predictedClusters: number
  /** True entities among the records in scope, singletons included. */
  readonly trueEntities: number
  /** True entities of two or more records. */
  readonly trueGroups: number
  /** Of trueGroups, those whose records are exactly one predicted cluster (nothing missing, nothing extra). */
  readonly exactGroups: number
  /** exactGroups / trueGroups; null when there is no true group. */
  readonly exactGroupRate: number | null
  /**
   * B-cubed precision, recall and F1 (Bagga & Baldwin 1998): per record, the share of its
   * predicted cluster in its true entity (precision) and of its true entity in its predicted
   * cluster (recall), averaged over the records in scope. Null with no record in scope.
   */
  readonly bcubedPrecision: number | null
  readonly bcubedRecall: number | null
  readonly bcubedF1: number | null
}

/**
 * Scores a clustering against the truth. `predicted[i]` is record i's predicted cluster (any
 * integer label), `truth[i]` its true entity label, or -1 when record i is out of scope (it is
 * then left out of every count, and of the clusters it sits in).
 * @example evaluateClusters([0, 0, 1], [5, 5, 6]).exactGroupRate // 1
 */
export function evaluateClusters(predicted: ArrayLike<number>, truth: ArrayLike<number>): ClusterScores {
  const n = predicted.length
  if (truth.length !== n) throw new RangeError(`truth has ${truth.length} labels for ${n} records.`)
  const predictedSize = new Map<number, number>()
  const trueSize = new Map<number, number>()
  const both = new Map<string, number>()
  let inScope = 0
  for (let i = 0; i < n; i++) {
    const t = truth[i] as number
    if (t < 0) continue
    const p = predicted[i] as number
    inScope++
    predictedSize.set(p, (predictedSize.get(p) ?? 0) + 1)
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1)
    const key = `${p} ${t}`
    both.set(key, (both.get(key) ?? 0) + 1)
  }
  let precisionSum = 0
  let recallSum = 0
  for (const [key, overlap] of both) {
    const space = key.indexOf(' ')
    const p = Number(key.slice(0, space))
    const t = Number(key.slice(space + 1))
    // Each of the `overlap` records in this cell has the same two ratios.
    precisionSum += (overlap * overlap) / (predictedSize.get(p) as number)
    recallSum += (overlap * overlap) / (trueSize.get(t) as number)
  }
  let trueGroups = 0
  let exactGroups = 0
  for (const [key, overlap] of both) {
    const space = key.indexOf(' ')
    const p = Number(key.slice(0, space))
    const t = Number(key.slice(space + 1))
    const size = trueSize.get(t) as number
    if (size >= 2 && overlap === size && predictedSize.get(p) === size) exactGroups++
  }
  for (const size of trueSize.values()) if (size >= 2) trueGroups++
  const bcubedPrecision = inScope === 0 ? null : precisionSum / inScope
  const bcubedRecall = inScope === 0 ? null : recallSum / inScope
  const bcubedF1 =
    bcubedPrecision === null || bcubedRecall === null || bcubedPrecision + bcubedRecall === 0
      ? null
      : (2 * bcubedPrecision * bcubedRecall) / (bcubedPrecision + bcubedRecall)
  return {
    predictedClusters: predictedSize.size,
    trueEntities: trueSize.size,
    trueGroups,
    exactGroups,
    exactGroupRate: trueGroups === 0 ? null : exactGroups / trueGroups,
    bcubedPrecision,
    bcubedRecall,
    bcubedF1,
  }
}
