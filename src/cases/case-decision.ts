/**
 * What an officer decided about a case (bidui decide), after a visit or a look at the records:
 * - `confirmed` (属实): the discrepancy is real; the case stays open until no longer detected;
 * - `false-positive` (误报): it is not; the case is not listed again while its evidence is the
 *   same (a note saying why is required, so the next officer can judge it);
 * - `fixed` (已修正): the register was corrected; a case detected again after its decision
 *   month is reopened, since the fix did not reach the exports;
 * - `needs-visit` (需入户核查): the records do not settle it; someone must visit. The case stays
 *   listed as any open case until another decision replaces this one.
 */
export const caseDecisions = ['confirmed', 'false-positive', 'fixed', 'needs-visit'] as const
export type CaseDecision = (typeof caseDecisions)[number]

/** What officers read for each decision. */
export const caseDecisionZh: Readonly<Record<CaseDecision, string>> = {
  confirmed: '属实',
  'false-positive': '误报',
  fixed: '已修正',
  'needs-visit': '需入户核查',
}

/**
 * The decision a word names: the English value or its Chinese label, trimmed, case-insensitive
 * for English; null for anything else.
 * @example parseCaseDecision('误报') // 'false-positive'
 */
export function parseCaseDecision(text: string): CaseDecision | null {
  const t = text.trim()
  const lower = t.toLowerCase()
  for (const d of caseDecisions) if (lower === d || t === caseDecisionZh[d]) return d
  return null
}

/** One decision as the audit log holds it: appended, never changed. */
export interface DecisionEntry {
  /** Audit log id: later decisions have larger ids. */
  readonly id: number
  readonly caseKey: string
  /** The month the officer looked at: the decision holds for runs of this month and later. */
  readonly period: string
  readonly decision: CaseDecision
  readonly by: string
  /** ISO 8601. */
  readonly at: string
  readonly note: string | null
  /** The case's evidence fingerprint in `period` when decided: a false positive holds while it is unchanged. */
  readonly evidence: string | null
}
