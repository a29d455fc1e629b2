import type { Comparison, MatchRecord } from './comparison.js'

/**
 * Records prepared for scoring: one column per comparison holding each record's prepared value
 * (or null), so a pair is scored from array lookups without touching the records again.
 */
export interface PreparedRecords {
  readonly count: number
  /** columns[c][i]: comparison c's value for record i. */
  readonly columns: readonly (readonly unknown[])[]
}

/** Runs every comparison's `prepare` over the records once, in record order. */
export function prepareRecords(
  records: readonly MatchRecord[],
  comparisons: readonly Comparison[],
): PreparedRecords {
  const columns = comparisons.map((c) => records.map((record) => c.prepare(record)))
  return { count: records.length, columns }
}
