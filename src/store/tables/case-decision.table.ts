import type { Generated, Insertable, Selectable } from 'kysely'

/** The audit log of decisions (bidui decide): rows are appended, never updated or deleted. */
export interface CaseDecisionTable {
  id: Generated<number>
  pipeline: string
  county: string
  /** The month decided on: honoured by runs of this month and later. */
  period: string
  case_key: string
  /** confirmed | false-positive | fixed. */
  decision: string
  decided_by: string
  /** ISO 8601. */
  decided_at: string
  note: string | null
  /** The decision in force for the case before this one (any month), or null. */
  previous_decision: string | null
  /** The case's evidence fingerprint in `period` when decided. */
  evidence: string | null
  /** How it was recorded: `decide` or `decide --file <name>:<line>`. */
  via: string
}
export type CaseDecisionRow = Selectable<CaseDecisionTable>
export type NewCaseDecision = Insertable<CaseDecisionTable>
