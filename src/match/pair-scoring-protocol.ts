import type { MatchRecord } from './comparison.js'
import type { ComparisonSpec } from './named-comparison.js'
import type { SharedPairs } from './pair-pattern-keys.js'
import {
  mapRecords,
  type RecordColumns,
  type Records,
  selectColumns,
  toRecordColumns,
} from './record-columns.js'

/**
 * The records a pair-scoring worker prepares, packed compactly: the columns (RecordColumns) of
 * the fields the comparisons read, each dictionary concatenated into one string with each
 * value's length, so that posting 2 million records copies a few strings and arrays instead of
 * cloning millions of objects or strings.
 */
export interface PackedRecords {
  readonly count: number
  readonly fields: readonly string[]
  /** codes[f][i]: record i's value of field f as an index into its dictionary; -1 when null. */
  readonly codes: readonly Int32Array[]
  /** texts[f]: the distinct values of field f, concatenated in dictionary order. */
  readonly texts: readonly string[]
  /** lengths[f][d]: UTF-16 length of field f's d-th distinct value. */
  readonly lengths: readonly Int32Array[]
}

/** What the worker is started with. */
export interface PairScoringWorkerData {
  readonly comparisons: readonly ComparisonSpec[]
  readonly records: PackedRecords
}

/**
 * One comparing job: candidate pairs and the pattern-key array in shared memory. Both threads
 * claim chunks of `chunk` pairs by Atomics.add on `next[0]` until the pairs run out, so a
 * thread slowed by the machine's other load simply claims fewer.
 */
export interface PairComparingJob extends SharedPairs {
  readonly type: 'compare'
}

/** What the worker posts back. */
export type PairScoringMessage =
  | { readonly type: 'ready'; readonly seconds: number }
  | { readonly type: 'compared'; readonly pairs: number; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string }

/** Packs the `fields` of every record (see PackedRecords); a field a record lacks is null. */
export function packRecords(records: Records, fields: readonly string[]): PackedRecords {
  const columns = Array.isArray(records)
    ? toRecordColumns(records as readonly MatchRecord[], fields)
    : selectColumns(records as RecordColumns, fields)
  return {
    count: columns.count,
    fields: columns.fields,
    codes: columns.codes,
    texts: columns.dictionaries.map((d) => d.join('')),
    lengths: columns.dictionaries.map((d) => Int32Array.from(d, (v) => v.length)),
  }
}

/** The packed records as columns again, dictionaries included. */
export function unpackColumns(packed: PackedRecords): RecordColumns {
  const dictionaries = packed.texts.map((text, f) => {
    const lengths = packed.lengths[f] as Int32Array
    const values: string[] = new Array(lengths.length)
    let at = 0
    for (let d = 0; d < lengths.length; d++) {
      const n = lengths[d] as number
      values[d] = text.slice(at, at + n)
      at += n
    }
    return values
  })
  return { kind: 'columns', count: packed.count, fields: packed.fields, codes: packed.codes, dictionaries }
}

/** The packed records as objects holding only the packed fields (absent ones null). */
export function unpackRecords(packed: PackedRecords): MatchRecord[] {
  return mapRecords(unpackColumns(packed), (record) => ({ ...record }))
}
