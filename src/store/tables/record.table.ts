import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * One person record: one role of one source row. Raw values are kept beside normalized ones
 * (the whole source row as JSON, plus the raw ID, name and birth date that officers look at
 * most); nothing is corrected in place.
 */
export interface RecordTable {
  id: Generated<number>
  file_id: number
  /** 1-based physical line of the row in its file (XLSX: row number). */
  line: number
  role: string
  record_no: string | null
  // row-level event
  doc_no: string | null
  event_type: string | null
  event_date: string | null
  event_place: string | null
  event_reason: string | null
  // identity
  id_raw: string | null
  id_norm: string | null
  id_status: string
  name_raw: string | null
  name_norm: string | null
  /** Toneless pinyin of the surname and given name, `surname|given`, e.g. `ou yang|xiu ying`. */
  name_pinyin: string | null
  former_name: string | null
  sex: string | null
  birth_raw: string | null
  birth_date: string | null
  birth_status: string
  marital_status: string | null
  household_no: string | null
  relation_to_head: string | null
  address: string | null
  residence: string | null
  /** Community code from the record's own column or its address; null when it cannot be placed. */
  community: string | null
  category: string | null
  status: string | null
  status_reason: string | null
  phone: string | null
  /** The source row's cells as a JSON array, exactly as read. */
  raw: string
}
export type RecordRow = Selectable<RecordTable>
export type NewRecord = Insertable<RecordTable>
