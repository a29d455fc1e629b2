import type { Insertable, Selectable } from 'kysely'

/**
 * A bidui person: a stable number (shown as P00000042, formatPersonId) that a person keeps from
 * period to period. Numbers are given once and never reused, even when the linkage that made
 * one is replaced.
 */
export interface PersonTable {
  id: number
  pipeline: string
  county: string
  /** The period whose linkage first gave the number. */
  first_period: string
  created_at: string
}
export type PersonRow = Selectable<PersonTable>
export type NewPerson = Insertable<PersonTable>
