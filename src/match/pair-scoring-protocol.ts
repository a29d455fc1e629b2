import type { MatchRecord } from './comparison.js'
import type { FellegiSunterModel } from './fellegi-sunter.js'
import type { ComparisonSpec } from './named-comparison.js'

/**
 * The records a pair-scoring worker prepares, packed compactly: per field the record values
 * concatenated into one string with each value's length (-1 for null), so that posting 2 million
 * records copies a few strings and arrays instead of cloning 2 million objects.
 */
export interface PackedRecords {
  readonly count: number
  readonly fields: readonly string[]
  /** texts[f]: the values of field f, concatenated in record order. */
  readonly texts: readonly string[]
  /** lengths[f][i]: UTF-16 length of record i's field f, or -1 when null or absent. */
  readonly lengths: readonly Int32Array[]
}

/** What the worker is started with. */
export interface PairScoringWorkerData {
  readonly comparisons: readonly ComparisonSpec[]
  readonly records: PackedRecords
}

/**
 * One scoring job: candidate pairs and result arrays in shared memory. Both threads claim chunks
 * of `chunk` pairs by Atomics.add on `next[0]` until the pairs run out, so a thread slowed by the
 * machine's other load simply claims fewer.
 */
export interface PairScoringJob {
  readonly type: 'score'
  readonly model: FellegiSunterModel
  readonly count: number
  readonly chunk: number
  readonly left: SharedArrayBuffer
  readonly right: SharedArrayBuffer
  readonly matchWeight: SharedArrayBuffer
  readonly probability: SharedArrayBuffer
  readonly next: SharedArrayBuffer
}

/** What the worker posts back. */
export type PairScoringMessage =
  | { readonly type: 'ready'; readonly seconds: number }
  | { readonly type: 'scored'; readonly pairs: number; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string }

/** Packs the `fields` of every record (see PackedRecords). */
export function packRecords(records: readonly MatchRecord[], fields: readonly string[]): PackedRecords {
  const texts: string[] = []
  const lengths: Int32Array[] = []
  for (const field of fields) {
    const parts: string[] = []
    const length = new Int32Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const value = (records[i] as MatchRecord)[field]
      if (value === null || value === undefined) {
        length[i] = -1
      } else {
        length[i] = value.length
        parts.push(value)
      }
    }
    texts.push(parts.join(''))
    lengths.push(length)
  }
  return { count: records.length, fields, texts, lengths }
}

/**
 * Calls `each` with every packed record in order, each a fresh object holding only the packed
 * fields (absent ones null), so a caller can prepare records one at a time without keeping them.
 */
export function forEachUnpacked(
  packed: PackedRecords,
  each: (record: MatchRecord, index: number) => void,
): void {
  const at = new Array<number>(packed.fields.length).fill(0)
  for (let i = 0; i < packed.count; i++) {
    const record: Record<string, string | null> = {}
    for (let f = 0; f < packed.fields.length; f++) {
      const n = (packed.lengths[f] as Int32Array)[i] as number
      if (n < 0) {
        record[packed.fields[f] as string] = null
      } else {
        const from = at[f] as number
        record[packed.fields[f] as string] = (packed.texts[f] as string).slice(from, from + n)
        at[f] = from + n
      }
    }
    each(record, i)
  }
}

/** The packed records as objects (see forEachUnpacked). */
export function unpackRecords(packed: PackedRecords): MatchRecord[] {
  const records: MatchRecord[] = []
  forEachUnpacked(packed, (record) => records.push(record))
  return records
}
