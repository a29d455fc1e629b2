import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * One person record: one role of one source row.
 *
 * Only the fields later stages select or block on are columns; everything else normalized
 * travels in `detail` (a JSON object of the non-null fields, see RecordDetail) and the row as
 * read in `raw`. That is deliberate: binding a parameter costs about 0.2–0.4 µs in
 * better-sqlite3, so a 31-column row took 14 µs to insert and capped ingest near 70,000
 * rows/s; this shape keeps the bulk path within the 150,000 rows/s target. Raw values sit
 * beside normalized ones: `raw` holds the row exactly as read (parse it as one CSV line), and
 * `source_file.columns` says which cell each field came from.
 */
export interface RecordTable {
  id: Generated<number>
  file_id: number
  /** 1-based physical line of the row in its file (XLSX: row number). */
  line: number
  role: string
  id_norm: string | null
  id_status: string
  name_norm: string | null
  /** Toneless pinyin of the surname and given name, `surname|given`, e.g. `ou yang|xiu ying`. */
  name_pinyin: string | null
  sex: string | null
  birth_date: string | null
  /** Community code from the record's own column or its address; null when it cannot be placed (未能定位). */
  community: string | null
  event_type: string | null
  event_date: string | null
  /** JSON object: the other normalized fields (RecordDetail), non-null ones only. */
  detail: string
  /** The source row's text exactly as it stands in the file (XLSX: its cells joined as CSV). */
  raw: string
}
export type RecordRow = Selectable<RecordTable>
export type NewRecord = Insertable<RecordTable>

/** The normalized fields kept in `record.detail`. */
export interface RecordDetail {
  recordNo?: string
  documentNo?: string
  eventPlace?: string
  eventReason?: string
  formerName?: string
  /** The birth date's status when not valid (missing, impossible, unparsed). */
  birthStatus?: string
  maritalStatus?: string
  householdNo?: string
  relationToHead?: string
  address?: string
  residence?: string
  category?: string
  status?: string
  statusReason?: string
  phone?: string
}
