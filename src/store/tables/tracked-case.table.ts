import type { Insertable, Selectable } from 'kysely'

/**
 * Every case ever detected for a pipeline and county, with the first and last month it was
 * detected (listed or suppressed). Derived from case_period after each tracked month.
 */
export interface TrackedCaseTable {
  pipeline: string
  county: string
  case_key: string
  check_id: string
  first_period: string
  last_period: string
}
export type TrackedCaseRow = Selectable<TrackedCaseTable>
export type NewTrackedCase = Insertable<TrackedCaseTable>
