import type { Insertable, Selectable } from 'kysely'

/**
 * A month whose cases were tracked (bidui run): one row per (pipeline, county, period), also
 * for a month with no case, so the next month's statuses compare with the right month.
 */
export interface CaseSnapshotTable {
  pipeline: string
  county: string
  period: string
  /** The month statuses were computed against; null for the first month tracked. */
  previous_period: string | null
  /** ISO 8601; the latest run of the month. */
  tracked_at: string
}
export type CaseSnapshotRow = Selectable<CaseSnapshotTable>
export type NewCaseSnapshot = Insertable<CaseSnapshotTable>
