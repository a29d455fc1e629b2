import { type Comparison, comparisonLevel } from './comparison.js'
import type { PreparedRecords } from './prepare-records.js'

/**
 * Writes the levels of records i and j (indices into `prepared`) into `out`, one entry per
 * comparison in order (-1 for null), and returns `out`. Reusing one `out` keeps scoring
 * allocation-free.
 */
export function comparisonVector(
  comparisons: readonly Comparison[],
  prepared: PreparedRecords,
  i: number,
  j: number,
  out: Int8Array = new Int8Array(comparisons.length),
): Int8Array {
  const columns = prepared.columns
  for (let c = 0; c < comparisons.length; c++) {
    const column = columns[c] as readonly unknown[]
    out[c] = comparisonLevel(comparisons[c] as Comparison, column[i] ?? null, column[j] ?? null)
  }
  return out
}
