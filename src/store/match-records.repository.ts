import type { Kysely } from 'kysely'
import Papa from 'papaparse'
import { type AttributeNormalizer, attributeRecordKey } from '../domain/attribute.js'
import type { MatchRecord } from '../match/comparison.js'
import { normalizeAttribute } from '../normalize/attribute.js'
import type { Database } from './database.js'
import type { RecordDetail } from './tables/record.table.js'

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
}

/** Where a loaded record came from: enough to find its row again (`record.raw`, the export file). */
export interface MatchRecordRef {
  readonly fileId: number
  /** 1-based physical line of the row in its file. */
  readonly line: number
  readonly role: string
}

/** A period's records as matching reads them, with parallel arrays saying where each came from. */
export interface LoadedMatchRecords {
  /**
   * Each record's `record` columns under their column names (`id_norm`, `id_status`,
   * `name_norm`, `name_pinyin`, `sex`, `birth_date`, `community`, `event_type`, `event_date`),
   * plus `householdNo`, `address` and `residence` from `detail`: the names the blocking key
   * extractors (blocking-rule.ts) and the comparison presets read; and each declared attribute
   * under `attr.<name>` (attribute comparisons and blocking keys read those).
   */
  readonly records: MatchRecord[]
  /** sourceOf[i]: index into `sources` of record i's source, for link-mode blocking. */
  readonly sourceOf: Int32Array
  /** Source names of the period, sorted; records are grouped in this order. */
  readonly sources: string[]
  /** refs[i]: record i's file, line and role. */
  readonly refs: MatchRecordRef[]
}

/**
 * Loads every record ingested for a pipeline's period in one query, ordered by source, then
 * file, then line (then role order of insertion), so that the order, and thus every index a
 * later stage keeps, is the same on every run over the same store. One sequential read: no
 * per-record lookups, which on a million records would cost more than the matching.
 * @example loadMatchRecords(store.db, { pipeline: 'demo', county: '410105', period: '2026-10' })
 */
export async function loadMatchRecords(
  db: Kysely<Database>,
  q: MatchRecordsQuery,
): Promise<LoadedMatchRecords> {
  const rows = await db
    .selectFrom('record')
    .innerJoin('source_file', 'source_file.id', 'record.file_id')
    .select([
      'source_file.source',
      'record.file_id',
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
      'record.detail',
    ])
    // A million Chinese records need no raw text: read it only when attributes come from it.
    .$if((q.attributes ?? []).length > 0, (qb) => qb.select(['record.raw', 'source_file.columns']))
    .where('source_file.pipeline', '=', q.pipeline)
    .where('source_file.county', '=', q.county)
    .where('source_file.period', '=', q.period)
    .orderBy('source_file.source')
    .orderBy('record.file_id')
    .orderBy('record.line')
    .orderBy('record.id')
    .execute()

  const records: MatchRecord[] = new Array(rows.length)
  const sourceOf = new Int32Array(rows.length)
  const sources: string[] = []
  const refs: MatchRecordRef[] = new Array(rows.length)
  const attributes = q.attributes ?? []
  const readers = new Map<number, AttributeReader>()
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as (typeof rows)[number]
    // Rows come sorted by source, so a new source is always the next index.
    if (sources[sources.length - 1] !== r.source) sources.push(r.source)
    sourceOf[i] = sources.length - 1
    const detail = JSON.parse(r.detail) as RecordDetail
    records[i] = {
      id_norm: r.id_norm,
      id_status: r.id_status,
      name_norm: r.name_norm,
      name_pinyin: r.name_pinyin,
      sex: r.sex,
      birth_date: r.birth_date,
      community: r.community,
      event_type: r.event_type,
      event_date: r.event_date,
      householdNo: detail.householdNo ?? null,
      address: detail.address ?? null,
      residence: detail.residence ?? null,
    }
    if (attributes.length > 0) {
      const raw = r.raw ?? ''
      let reader = readers.get(r.file_id)
      if (reader === undefined) {
        reader = attributeReader(r.columns ?? '{}', raw, attributes)
        readers.set(r.file_id, reader)
      }
      Object.assign(records[i] as MatchRecord, reader(raw))
    }
    refs[i] = { fileId: r.file_id, line: r.line, role: r.role }
  }
  return { records, sourceOf, sources, refs }
}

/** One file's attribute values from a record's raw row: `attr.<name>` → normalized value or null. */
type AttributeReader = (raw: string) => Record<string, string | null>

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
    const out: Record<string, string | null> = {}
    for (const w of wanted) {
      out[w.key] = w.cell === undefined ? null : normalizeAttribute(w.normalizer, cells[w.cell] ?? null)
    }
    return out
  }
}
