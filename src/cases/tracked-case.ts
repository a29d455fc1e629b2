import type { Case } from '../reconcile/case.js'
import type { CasePeriodEntry } from './case-period-entry.js'

/**
 * How a listed case stands across months: status `new` (新发现) or `carried` (延续) (a listed
 * case is open), the decision in force and its flags. Flat on the case, so a report that reads
 * an optional `status` (report/period-report.ts ReportCase) takes a TrackedCase as it is.
 */
export type CaseTracking = Pick<
  CasePeriodEntry,
  'status' | 'decision' | 'evidenceChanged' | 'reopened' | 'note' | 'evidence'
> & {
  /** The month the case was first detected (this month for a case never seen before). */
  readonly firstSeen: string
}

/** A case of this month's lists with its tracking: still a Case, so every case writer takes it. */
export type TrackedCase = Case & CaseTracking
