import type { Comparison } from './comparison.js'
import type { PreparedRecords } from './prepare-records.js'

/**
 * Per-record term frequencies of a comparison's term-frequency key: out[i] is the share of
 * records with a non-null value whose key equals record i's (王伟 held by 40 of 10,000 named
 * records gives 0.004), NaN for a null value or a comparison without a term-frequency level.
 * Computed over the records given, so frequencies describe the population being matched.
 */
export function termFrequencies(
  comparison: Comparison,
  prepared: PreparedRecords,
  comparisonIndex: number,
): Float64Array {
  const out = new Float64Array(prepared.count).fill(Number.NaN)
  const tf = comparison.termFrequency
  const column = prepared.columns[comparisonIndex]
  if (tf === null || column === undefined) return out
  const keys: (string | null)[] = column.map((v) => (v === null || v === undefined ? null : tf.key(v)))
  const counts = new Map<string, number>()
  let total = 0
  for (const key of keys) {
    if (key === null) continue
    counts.set(key, (counts.get(key) ?? 0) + 1)
    total++
  }
  keys.forEach((key, i) => {
    if (key !== null) out[i] = (counts.get(key) as number) / total
  })
  return out
}
