import type { Generated, Insertable, Selectable } from 'kysely'

/** A merge or split of person numbers found by a period's linkage, relative to the previous period. */
export interface PersonEventTable {
  id: Generated<number>
  link_run_id: number
  /** 'merge': `other_person_id` was absorbed into `person_id`; 'split': part of `person_id` became `other_person_id`. */
  kind: string
  person_id: number
  other_person_id: number
  /** Records of the previous period involved. */
  records: number
}
export type PersonEventRow = Selectable<PersonEventTable>
export type NewPersonEvent = Insertable<PersonEventTable>
