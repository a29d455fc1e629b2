import type { Transaction } from 'kysely'
import type { NormalizedRecord } from '../domain/normalized-record.js'
import type { Database } from './database.js'
import type { Store } from './open-store.js'
import type { RecordDetail } from './tables/record.table.js'

/** Column order of the bulk record insert; `toRecordRow` writes values in this order. */
export const recordColumns = [
  'file_id',
  'line',
  'role',
  'id_norm',
  'id_status',
  'name_norm',
  'name_pinyin',
  'sex',
  'birth_date',
  'community',
  'event_type',
  'event_date',
  'detail',
  'raw',
] as const

/** A record as a positional row for `insertRecords`; `raw` is the source row's text. */
export function toRecordRow(fileId: number, r: NormalizedRecord, raw: string): unknown[] {
  const n = r.name
  return [
    fileId,
    r.line,
    r.role,
    r.residentId.norm,
    r.residentId.status,
    n.norm,
    n.norm === null ? null : `${n.surnamePinyin ?? ''}|${n.givenPinyin ?? ''}`,
    r.sex,
    r.birthDate.norm,
    r.community,
    r.event.type,
    r.event.date,
    JSON.stringify(toDetail(r)),
    raw,
  ]
}

function toDetail(r: NormalizedRecord): RecordDetail {
  const d: RecordDetail = {}
  if (r.recordNo !== null) d.recordNo = r.recordNo
  if (r.event.documentNo !== null) d.documentNo = r.event.documentNo
  if (r.event.place !== null) d.eventPlace = r.event.place
  if (r.event.reason !== null) d.eventReason = r.event.reason
  if (r.formerName !== null) d.formerName = r.formerName
  if (r.birthDate.status !== 'valid') d.birthStatus = r.birthDate.status
  if (r.maritalStatus !== null) d.maritalStatus = r.maritalStatus
  if (r.householdNo !== null) d.householdNo = r.householdNo
  if (r.relationToHead !== null) d.relationToHead = r.relationToHead
  if (r.address !== null) d.address = r.address
  if (r.residence !== null) d.residence = r.residence
  if (r.category !== null) d.category = r.category
  if (r.status !== null) d.status = r.status
  if (r.statusReason !== null) d.statusReason = r.statusReason
  if (r.phone !== null) d.phone = r.phone
  return d
}

/** Bulk-inserts records built by `toRecordRow` inside `trx`. */
export function insertRecords(store: Store, trx: Transaction<Database>, rows: readonly unknown[][]): void {
  store.insertRows(trx, 'record', recordColumns, rows)
}
