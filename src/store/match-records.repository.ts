import { type Kysely, sql } from 'kysely'
import Papa from 'papaparse'
import { type AttributeNormalizer, attributeRecordKey } from '../domain/attribute.js'
import { type RecordColumns, RecordColumnsBuilder } from '../match/record-columns.js'
import { FingerprintCounter } from '../match/record-fingerprint.js'
import { normalizeAttribute } from '../normalize/attribute.js'
import type { Database } from './database.js'

/** Which period's records to load: the key ingest stores them under. */
export interface MatchRecordsQuery {
  readonly pipeline: string
  readonly county: string
  readonly period: string
  /**
   * The pipeline's declared attributes, read from each record's `raw` row through its file's
   * `source_file.columns` (key `attr.<name>` → cell) and normalized as declared; a record whose
   * file does not map one has it null. Default none (then `raw` is not even read).
   */
  readonly attributes?: readonly { readonly name: string; readonly normalizer: AttributeNormalizer }[]
  /** Compute each record's fingerprint (record-fingerprint.ts) as it is read; default false. */
  readonly fingerprints?: boolean
}

/** A period's records as matching reads them, with parallel arrays saying where each came from. */
export interface LoadedMatchRecords {
  /**
   * The records' columns (RecordColumns): the `record` columns under their names (`id_norm`,
   * `id_status`, `name_norm`, `name_pinyin`, `sex`, `birth_date`, `community`, `event_type`,
   * `event_date`), plus `householdNo`, `address` and `residence` from `detail`: the names the
   * blocking key extractors (blocking-rule.ts) and the comparison presets read; and each
   * declared attribute under `attr.<name>` (attribute comparisons and blocking keys read those).
   */
  readonly records: RecordColumns
  /** sourceOf[i]: index into `sources` of record i's source, for link-mode blocking. */
  readonly sourceOf: Int32Array
  /** Source names of the period, sorted; records are grouped in this order. */
  readonly sources: string[]
  /** recordIds[i]: record i's `record.id`. */
  readonly recordIds: Float64Array
  /** fileIds[i], lines[i], roles[i]: record i's file, 1-based physical line and role. */
  readonly fileIds: Int32Array
  readonly lines: Int32Array
  readonly roles: readonly string[]
  /**
   * fingerprints[i]: record i's fingerprint (record-fingerprint.ts), when the query asked for
   * them (`fingerprints: true`), else null.
   */
  readonly fingerprints: readonly string[] | null
}

/** The fields every loaded record has, before the declared attributes. */
export const matchRecordFields = [
  'id_norm',
  'id_status',
  'name_norm',
  'name_pinyin',
  'sex',
  'birth_date',
  'community',
  'event_type',
  'event_date',
  'householdNo',
  'address',
  'residence',
] as const

// Rows read per query: a period is read file by file in pages along the record_file index, so
// no more than a page of row objects lives at once (all 2.4 million at once took gigabytes),
// and a page dies young (larger pages were promoted to the old generation before being used).
const pageRows = 16_384

/**
 * Loads every record ingested for a pipeline's period, ordered by source, then file, then line
 * (then record id), so that the order, and thus every index a later stage keeps, is the same on
 * every run over the same store. Sequential reads only: no per-record lookups, which on a
 * million records would cost more than the matching. The detail fields are extracted by SQLite
 * (json_extract); the raw row is read only where a declared attribute or a fingerprint needs it.
 * @example loadMatchRecords(store.db, { pipeline: 'demo', county: '410105', period: '2026-10' })
 */
export async function loadMatchRecords(
  db: Kysely<Database>,
  q: MatchRecordsQuery,
): Promise<LoadedMatchRecords> {
  const files = await db
    .selectFrom('source_file')
    .select(['id', 'source', 'columns'])
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '=', q.period)
    .orderBy('source')
    .orderBy('id')
    .execute()
  const attributes = q.attributes ?? []
  const fields = [...matchRecordFields, ...attributes.map((a) => attributeRecordKey(a.name))]
  const builder = new RecordColumnsBuilder(fields, 1 << 16)
  const sourceOf = new GrowingInts()
  const fileIds = new GrowingInts()
  const lines = new GrowingInts()
  const recordIds: number[] = []
  const roles: string[] = []
  const roleNames = new Map<string, string>()
  const sources: string[] = []
  const fingerprints = q.fingerprints === true ? new FingerprintCounter() : null
  const printed: string[] = []
  const values: (string | null)[] = new Array(fields.length).fill(null)
  const raw = attributes.length > 0 ? sql<string>`record.raw` : sql<string | null>`${naturalKeyRawSql}`
  for (const file of files) {
    if (sources[sources.length - 1] !== file.source) sources.push(file.source)
    const source = sources.length - 1
    let reader: AttributeReader | null = null
    let after: { line: number; id: number } | null = null
    for (;;) {
      const from: { line: number; id: number } | null = after
      const rows: PageRow[] = await db
        .selectFrom('record')
        .select([
          'record.id',
          'record.line',
          'record.role',
          'record.id_norm',
          'record.id_status',
          'record.name_norm',
          'record.name_pinyin',
          'record.sex',
          'record.birth_date',
          'record.community',
          'record.event_type',
          'record.event_date',
          sql<string | null>`json_extract(record.detail, '$.householdNo')`.as('householdNo'),
          sql<string | null>`json_extract(record.detail, '$.address')`.as('address'),
          sql<string | null>`json_extract(record.detail, '$.residence')`.as('residence'),
          sql<string | null>`json_extract(record.detail, '$.recordNo')`.as('recordNo'),
          sql<string | null>`json_extract(record.detail, '$.documentNo')`.as('documentNo'),
          raw.as('raw'),
        ])
        .where('record.file_id', '=', file.id)
        .$if(from !== null, (qb) => {
          const { line, id } = from as { line: number; id: number }
          // line >= … first: an index range that starts at the page, not at the file's first row.
          return qb
            .where('record.line', '>=', line)
            .where((eb) => eb.or([eb('record.line', '>', line), eb('record.id', '>', id)]))
        })
        .orderBy('record.line')
        .orderBy('record.id')
        .limit(pageRows)
        .execute()
      for (const r of rows) {
        values[0] = r.id_norm
        values[1] = r.id_status
        values[2] = r.name_norm
        values[3] = r.name_pinyin
        values[4] = r.sex
        values[5] = r.birth_date
        values[6] = r.community
        values[7] = r.event_type
        values[8] = r.event_date
        values[9] = textOf(r.householdNo)
        values[10] = textOf(r.address)
        values[11] = textOf(r.residence)
        if (attributes.length > 0) {
          const row = r.raw ?? ''
          reader ??= attributeReader(file.columns ?? '{}', row, attributes)
          const read = reader(row)
          for (let a = 0; a < attributes.length; a++) values[12 + a] = read[a] ?? null
        }
        builder.push(values)
        sourceOf.push(source)
        fileIds.push(file.id)
        lines.push(r.line)
        recordIds.push(r.id)
        let role = roleNames.get(r.role)
        if (role === undefined) {
          role = r.role
          roleNames.set(role, role)
        }
        roles.push(role)
        if (fingerprints !== null) {
          printed.push(
            fingerprints.next({
              source: file.source,
              role,
              recordNo: textOf(r.recordNo),
              documentNo: textOf(r.documentNo),
              raw: r.raw ?? '',
            }),
          )
        }
      }
      if (rows.length < pageRows) break
      const last = rows[rows.length - 1]
      if (last === undefined) break
      after = { line: last.line, id: last.id }
    }
  }
  return {
    records: builder.build(),
    sourceOf: sourceOf.result(),
    sources,
    recordIds: Float64Array.from(recordIds),
    fileIds: fileIds.result(),
    lines: lines.result(),
    roles,
    fingerprints: fingerprints === null ? null : printed,
  }
}

/**
 * The raw row only where the record's natural key is its text (record-fingerprint.ts naturalKey):
 * not for a numbered person row (role subject with a recordNo) nor a role on a numbered document.
 */
const naturalKeyRawSql = sql`case
  when (record.role = 'subject' and coalesce(json_extract(record.detail, '$.recordNo'), '') <> '')
    or coalesce(json_extract(record.detail, '$.documentNo'), '') <> '' then null
  else record.raw end`

/** One record row as the paged query reads it. */
interface PageRow {
  readonly id: number
  readonly line: number
  readonly role: string
  readonly id_norm: string | null
  readonly id_status: string
  readonly name_norm: string | null
  readonly name_pinyin: string | null
  readonly sex: string | null
  readonly birth_date: string | null
  readonly community: string | null
  readonly event_type: string | null
  readonly event_date: string | null
  readonly householdNo: unknown
  readonly address: unknown
  readonly residence: unknown
  readonly recordNo: unknown
  readonly documentNo: unknown
  readonly raw: string | null
}

/** A JSON value extracted by SQLite as text: numbers (never written, but possible) become text. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? value : String(value)
}

/** An Int32Array appended to. */
class GrowingInts {
  private values = new Int32Array(1 << 16)
  private length = 0

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }

  result(): Int32Array {
    return this.values.slice(0, this.length)
  }
}

/** One file's attribute values from a record's raw row, in the declared order: normalized value or null. */
type AttributeReader = (raw: string) => (string | null)[]

/**
 * Compiles the reading of attributes for one file: which cell each comes from (the file's
 * `source_file.columns`) and the row's delimiter, guessed once from `sample` (a row of the file)
 * as ingest guesses it per file. `raw` is one CSV row (XLSX rows are stored joined as CSV).
 */
function attributeReader(
  columnsJson: string,
  sample: string,
  attributes: readonly { readonly name: string; readonly normalizer: AttributeNormalizer }[],
): AttributeReader {
  const columns = JSON.parse(columnsJson) as Record<string, number>
  const wanted = attributes.map((a) => ({
    key: attributeRecordKey(a.name),
    normalizer: a.normalizer,
    cell: columns[attributeRecordKey(a.name)],
  }))
  const delimiter = Papa.parse<string[]>(sample, { preview: 1 }).meta.delimiter || ','
  return (raw) => {
    // Quote-free rows (nearly all) split directly; others go through the CSV parser.
    const cells = raw.includes('"')
      ? (Papa.parse<string[]>(raw, { delimiter }).data[0] ?? [])
      : raw.split(delimiter)
    return wanted.map((w) =>
      w.cell === undefined ? null : normalizeAttribute(w.normalizer, cells[w.cell] ?? null),
    )
  }
}
