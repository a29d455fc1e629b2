import type { Transaction } from 'kysely'
import type { NormalizedRecord } from '../domain/normalized-record.js'
import type { Database } from './database.js'
import type { Store } from './open-store.js'

/** Column order of the bulk record insert; `toRecordRow` writes values in this order. */
export const recordColumns = [
  'file_id', 'line', 'role', 'record_no',
  'doc_no', 'event_type', 'event_date', 'event_place', 'event_reason',
  'id_raw', 'id_norm', 'id_status',
  'name_raw', 'name_norm', 'name_pinyin', 'former_name',
  'sex', 'birth_raw', 'birth_date', 'birth_status', 'marital_status',
  'household_no', 'relation_to_head', 'address', 'residence', 'community',
  'category', 'status', 'status_reason', 'phone', 'raw',
] as const

/** A record as a positional row for `insertRecords`. */
export function toRecordRow(fileId: number, r: NormalizedRecord, raw: string): unknown[] {
  const n = r.name
  return [
    fileId, r.line, r.role, r.recordNo,
    r.event.documentNo, r.event.type, r.event.date, r.event.place, r.event.reason,
    r.residentId.raw, r.residentId.norm, r.residentId.status,
    n.raw, n.norm, n.norm === null ? null : `${n.surnamePinyin ?? ''}|${n.givenPinyin ?? ''}`, r.formerName,
    r.sex, r.birthDate.raw, r.birthDate.norm, r.birthDate.status, r.maritalStatus,
    r.householdNo, r.relationToHead, r.address, r.residence, r.community,
    r.category, r.status, r.statusReason, r.phone, raw,
  ]
}

/** Bulk-inserts records built by `toRecordRow` inside `trx`. */
export function insertRecords(store: Store, trx: Transaction<Database>, rows: readonly unknown[][]): void {
  store.insertRows(trx, 'record', recordColumns, rows)
}
