import type { Case } from '../reconcile/case.js'
import type { Check } from '../reconcile/check.js'

/** Cases of one check, as the closing table and summary.json count them. */
export interface CheckCount {
  readonly id: string
  /** Chinese name, e.g. 新婚漏管. */
  readonly name: string
  /** English label, e.g. missing newlywed. */
  readonly label: string
  readonly cases: number
  /** Of which 待人工确认 (resting on a review-band pair). */
  readonly review: number
  /** Of which 未能定位 (no community responsible). */
  readonly noCommunity: number
}

/** Counts per check, every check listed (a check without cases counts 0), in the pipeline's order. */
export function countCases(cases: readonly Case[], checks: readonly Check[]): CheckCount[] {
  return checks.map((check) => {
    const mine = cases.filter((c) => c.checkId === check.id)
    return {
      id: check.id,
      name: check.name,
      label: check.label,
      cases: mine.length,
      review: mine.filter((c) => c.review).length,
      noCommunity: mine.filter((c) => c.community === null).length,
    }
  })
}
