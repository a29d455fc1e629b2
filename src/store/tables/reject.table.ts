import type { Generated, Insertable, Selectable } from 'kysely'

/** A source row that could not be stored, with why; never silently dropped. */
export interface RejectTable {
  id: Generated<number>
  file_id: number
  line: number
  /** The header as written in the export, when one column is to blame. */
  column_name: string | null
  code: string
  reason: string
  raw: string
}
export type RejectRow = Selectable<RejectTable>
export type NewReject = Insertable<RejectTable>
