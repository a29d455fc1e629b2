import type { CaseDecision } from './case-decision.js'
import type { CaseStatus } from './case-status.js'

/**
 * A case in one month's snapshot (case_period): every case detected that month, listed or
 * suppressed, and every case open the month before that is no longer detected. Enough to
 * list the month's cases and to track the next month without the records.
 */
export interface CasePeriodEntry {
  readonly key: string
  readonly checkId: string
  /** Chinese check name, e.g. 新婚漏管. */
  readonly checkName: string
  /** Community code; null is 未能定位. */
  readonly community: string | null
  readonly review: boolean
  /** The case's one-line reason (for a closed case, as last detected). */
  readonly reason: string
  readonly status: CaseStatus
  /** Evidence fingerprint this month (evidenceFingerprint); null for a closed case. */
  readonly evidence: string | null
  /** The decision in force this month (the latest of the case's decisions made for this month or earlier). */
  readonly decision: CaseDecision | null
  /** Its audit log id. */
  readonly decisionId: number | null
  /** 证据已变化: decided a false positive, but its evidence differs now, so it is listed again. */
  readonly evidenceChanged: boolean
  /** 重新打开: marked fixed in an earlier month and detected again. */
  readonly reopened: boolean
  /** What officers read about the status or decision (Chinese), or null. */
  readonly note: string | null
}
