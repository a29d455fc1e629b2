import type { Insertable, Selectable } from 'kysely'

/**
 * One case in one month's snapshot (CasePeriodEntry): detected (listed or suppressed) or
 * closed that month. A re-run of the month replaces the month's rows.
 */
export interface CasePeriodTable {
  pipeline: string
  county: string
  period: string
  case_key: string
  /** Position in the month's snapshot: report order, then closed cases. */
  seq: number
  check_id: string
  check_name: string
  community: string | null
  /** 0/1 (integers, not booleans, so both dialects return the same values). */
  review: number
  reason: string
  /** new | carried | closed | suppressed (CaseStatus). */
  status: string
  /** Evidence fingerprint; null for a closed case. */
  evidence: string | null
  /** The decision in force: confirmed | false-positive | fixed, or null. */
  decision: string | null
  /** Its case_decision.id. */
  decision_id: number | null
  /** 0/1: 证据已变化. */
  evidence_changed: number
  /** 0/1: 重新打开. */
  reopened: number
  note: string | null
  /** JSON: the case's records, probability and waterfall this month (CaseEvidence); null when closed or tracked before migration 0006. */
  evidence_detail: string | null
}
export type CasePeriodRow = Selectable<CasePeriodTable>
export type NewCasePeriod = Insertable<CasePeriodTable>
