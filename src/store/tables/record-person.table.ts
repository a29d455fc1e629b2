import type { Insertable, Selectable } from 'kysely'

/** Which person each record of a linked period belongs to: every record, singletons included. */
export interface RecordPersonTable {
  link_run_id: number
  record_id: number
  person_id: number
  /** Source, role and natural key (recordFingerprints): how next month's linkage finds this record again. */
  fingerprint: string
}
export type RecordPersonRow = Selectable<RecordPersonTable>
export type NewRecordPerson = Insertable<RecordPersonTable>
