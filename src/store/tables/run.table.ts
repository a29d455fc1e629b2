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
  /**
   * running → succeeded | failed; a run whose process died (SIGKILL, power loss) is marked
   * interrupted by the next openStore on its host.
   */
  status: string
  /** The process that ran it and its host name (null before migration 0004). */
  pid: number | null
  host: string | null
  /** `bidui run`: the token of its report commit (reports/.bidui-staging/), set in its transaction. */
  reports_token: string | null
}
export type RunRow = Selectable<RunTable>
export type NewRun = Insertable<RunTable>
