import type { MatchRecord } from './comparison.js'

/**
 * A period's records column by column: per field, one code per record into that field's
 * dictionary of distinct values. At 2.4 million records, one object per record with a dozen
 * string fields kept about 5 GB alive and the collector spent 43 % of the link's CPU walking it;
 * here a field is an Int32Array plus each distinct value once (a birth date shared by 90 people
 * is one string, not 90).
 */
export interface RecordColumns {
  readonly kind: 'columns'
  readonly count: number
  /** Field names, e.g. `id_norm`, `name_pinyin`, `householdNo`, `attr.surname`. */
  readonly fields: readonly string[]
  /** codes[f][i]: index into dictionaries[f] of record i's value of field f; -1 when null. */
  readonly codes: readonly Int32Array[]
  /**
   * dictionaries[f]: the non-null values of field f, in order of first appearance; equal codes
   * are equal values. Values repeat across records are kept once; a field whose values hardly
   * repeat (an ID) is not deduplicated (RecordColumnsBuilder), so there two codes
   * may hold equal values.
   */
  readonly dictionaries: readonly (readonly string[])[]
}

/** Records read before RecordColumnsBuilder decides which fields are worth interning. */
const probeRecords = 65_536

/** Records as matching reads them: objects (small inputs, tests) or columns (a stored period). */
export type Records = readonly MatchRecord[] | RecordColumns

/** How many records there are. */
export function recordCount(records: Records): number {
  return isColumns(records) ? records.count : records.length
}

function isColumns(records: Records): records is RecordColumns {
  return !Array.isArray(records)
}

/**
 * Reads records by index. For columns the record returned is one reused object (a flyweight)
 * refilled on each call: read what you need from it before the next call, never keep it.
 * Every field is present on it (null when the record has none).
 */
export function recordReader(records: Records): (index: number) => MatchRecord {
  if (!isColumns(records)) return (i) => records[i] as MatchRecord
  const { fields, codes, dictionaries } = records
  const view: Record<string, string | null> = {}
  for (const f of fields) view[f] = null
  const width = fields.length
  return (i) => {
    for (let f = 0; f < width; f++) {
      const code = (codes[f] as Int32Array)[i] as number
      view[fields[f] as string] = code < 0 ? null : ((dictionaries[f] as readonly string[])[code] as string)
    }
    return view
  }
}

/** f(record, i) for every record, in order (a flyweight record for columns: see recordReader). */
export function mapRecords<T>(records: Records, f: (record: MatchRecord, index: number) => T): T[] {
  const at = recordReader(records)
  const n = recordCount(records)
  const out: T[] = new Array(n)
  for (let i = 0; i < n; i++) out[i] = f(at(i), i)
  return out
}

/**
 * Builds RecordColumns row by row, interning each field's values. After the first
 * `probeRecords` records, a field with more than nine distinct values in ten non-null ones (an
 * ID) stops being interned and keeps each record's value as read: hashing two million
 * near-unique strings into a Map cost more than everything else in loading a period.
 */
export class RecordColumnsBuilder {
  private readonly codes: Int32Array[]
  private readonly dictionaries: string[][]
  /** null once the field is kept as read. */
  private readonly lookups: (Map<string, number> | null)[]
  private readonly nonNull: number[]
  private count = 0

  /** @param capacity records expected; the columns grow past it when needed. */
  constructor(
    readonly fields: readonly string[],
    capacity = 1024,
  ) {
    this.codes = fields.map(() => new Int32Array(Math.max(1, capacity)))
    this.dictionaries = fields.map(() => [])
    this.lookups = fields.map(() => new Map())
    this.nonNull = fields.map(() => 0)
  }

  /** Appends a record: its value of each field, in `fields` order (null, undefined or absent: null). */
  push(values: readonly (string | null | undefined)[]): void {
    const at = this.count
    if (at === (this.codes[0]?.length ?? Number.POSITIVE_INFINITY)) this.grow()
    for (let f = 0; f < this.fields.length; f++) this.set(f, at, values[f])
    this.count++
    if (this.count === probeRecords) this.stopInterningUniqueFields()
  }

  /** Appends a record given as an object (absent fields are null). */
  pushRecord(record: MatchRecord): void {
    this.push(this.fields.map((f) => record[f]))
  }

  /** The columns; the builder must not be used afterwards. */
  build(): RecordColumns {
    const n = this.count
    return {
      kind: 'columns',
      count: n,
      fields: this.fields,
      codes: this.codes.map((c) => (c.length === n ? c : c.slice(0, n))),
      dictionaries: this.dictionaries,
    }
  }

  private set(f: number, at: number, value: string | null | undefined): void {
    const codes = this.codes[f] as Int32Array
    if (value === null || value === undefined) {
      codes[at] = -1
      return
    }
    this.nonNull[f] = (this.nonNull[f] as number) + 1
    const dictionary = this.dictionaries[f] as string[]
    const lookup = this.lookups[f] as Map<string, number> | null
    if (lookup === null) {
      codes[at] = dictionary.length
      dictionary.push(value)
      return
    }
    let code = lookup.get(value)
    if (code === undefined) {
      code = dictionary.length
      dictionary.push(value)
      lookup.set(value, code)
    }
    codes[at] = code
  }

  private stopInterningUniqueFields(): void {
    for (let f = 0; f < this.fields.length; f++) {
      // Nine in ten distinct: an ID. Not half: a period is read source by source, so the first
      // records hold each name about once, yet across sources each name recurs 2–3 times, and
      // names not shared kept a prepared name value per record (gigabytes on two threads).
      if ((this.dictionaries[f] as string[]).length * 10 > (this.nonNull[f] as number) * 9)
        this.lookups[f] = null
    }
  }

  private grow(): void {
    for (let f = 0; f < this.codes.length; f++) {
      const old = this.codes[f] as Int32Array
      const grown = new Int32Array(old.length * 2)
      grown.set(old)
      this.codes[f] = grown
    }
  }
}

/** Record objects as columns over `fields` (by default every field any record has, sorted). */
export function toRecordColumns(records: readonly MatchRecord[], fields?: readonly string[]): RecordColumns {
  const names = fields ?? [...new Set(records.flatMap((r) => Object.keys(r)))].sort()
  const builder = new RecordColumnsBuilder(names, records.length)
  for (const r of records) builder.pushRecord(r)
  return builder.build()
}

/** Only the named fields of columns (absent ones all null), sharing the arrays. */
export function selectColumns(columns: RecordColumns, fields: readonly string[]): RecordColumns {
  const codes: Int32Array[] = []
  const dictionaries: (readonly string[])[] = []
  for (const name of fields) {
    const f = columns.fields.indexOf(name)
    codes.push(f < 0 ? new Int32Array(columns.count).fill(-1) : (columns.codes[f] as Int32Array))
    dictionaries.push(f < 0 ? [] : (columns.dictionaries[f] as readonly string[]))
  }
  return { kind: 'columns', count: columns.count, fields: [...fields], codes, dictionaries }
}

/** The records as plain objects, one each with every field (null when absent): for small inputs. */
export function toRecordObjects(records: Records): MatchRecord[] {
  return mapRecords(records, (record) => ({ ...record }))
}
