/**
 * Where a case stands in a month, against the latest earlier month that was run:
 * - `new` (新发现): listed, and not open in that month (never seen, or closed or excluded then);
 * - `carried` (延续): listed, and open in that month too;
 * - `closed` (已消除): open in that month, not detected now;
 * - `suppressed` (误报已排除): detected, but decided a false positive on the same evidence, so
 *   not listed; kept so the summary can count it and say why.
 * Open means `new` or `carried`.
 */
export const caseStatuses = ['new', 'carried', 'closed', 'suppressed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

export const caseStatusZh: Readonly<Record<CaseStatus, string>> = {
  new: '新发现',
  carried: '延续',
  closed: '已消除',
  suppressed: '误报已排除',
}

/** Listed in the month's case lists and followed up next month. */
export function isOpen(status: CaseStatus): boolean {
  return status === 'new' || status === 'carried'
}
