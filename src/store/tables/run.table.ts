import type { Generated, Insertable, Selectable } from 'kysely'

/** One invocation of a command that writes to the store (ingest, run, ...). */
export interface RunTable {
  id: Generated<number>
  pipeline: string
  county: string
  period: string
  command: string
  /** ISO 8601 timestamps (text in both dialects, so results compare equal). */
  started_at: string
  finished_at: string | null
  /** running → succeeded | failed */
  status: string
}
export type RunRow = Selectable<RunTable>
export type NewRun = Insertable<RunTable>
