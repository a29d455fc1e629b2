import type { Comparison, MatchRecord } from './comparison.js'
import { type RecordColumns, type Records, recordCount, recordReader } from './record-columns.js'

/**
 * Records prepared for scoring: one column per comparison holding each record's prepared value
 * (or null), so a pair is scored from array lookups without touching the records again.
 */
export interface PreparedRecords {
  readonly count: number
  /** columns[c][i]: comparison c's value for record i. */
  readonly columns: readonly (readonly unknown[])[]
}

/**
 * Runs every comparison's `prepare` over the records once, in record order. From columns, records
 * with the same values of a comparison's fields share one prepared value (prepare is pure and
 * reads only `fields`, so the value is the same; at 2.4 million records the names alone took
 * about a gigabyte when each record had its own syllable arrays).
 */
export function prepareRecords(records: Records, comparisons: readonly Comparison[]): PreparedRecords {
  const count = recordCount(records)
  if (Array.isArray(records)) {
    const objects = records as readonly MatchRecord[]
    return { count, columns: comparisons.map((c) => objects.map((record) => c.prepare(record))) }
  }
  const columns = records as RecordColumns
  const at = recordReader(columns)
  return {
    count,
    columns: comparisons.map((c) => {
      const keyOf = valueKey(columns, c.fields)
      const seen = new Map<number, unknown>()
      const out: unknown[] = new Array(count)
      for (let i = 0; i < count; i++) {
        const key = keyOf(i)
        let value = seen.get(key)
        if (value === undefined) {
          value = c.prepare(at(i))
          seen.set(key, value)
        }
        out[i] = value
      }
      return out
    }),
  }
}

/**
 * A number that is equal for two records exactly when they hold the same values (codes) of
 * `fields`: the codes + 1 in mixed radix. Falls back to the record index (no sharing) when the
 * dictionaries are too large for the key to stay an exact integer.
 */
function valueKey(columns: RecordColumns, fields: readonly string[]): (i: number) => number {
  const parts: { codes: Int32Array; radix: number }[] = []
  let span = 1
  for (const name of fields) {
    const f = columns.fields.indexOf(name)
    // A field the columns lack is null on every record: it cannot tell two records apart.
    if (f < 0) continue
    const radix = (columns.dictionaries[f] as readonly string[]).length + 1
    span *= radix
    parts.push({ codes: columns.codes[f] as Int32Array, radix })
  }
  if (span > Number.MAX_SAFE_INTEGER) return (i) => -1 - i
  if (parts.length === 1) {
    const codes = (parts[0] as { codes: Int32Array }).codes
    return (i) => codes[i] as number
  }
  return (i) => {
    let key = 0
    for (const p of parts) key = key * p.radix + ((p.codes[i] as number) + 1)
    return key
  }
}
