import type { Check, QualityFloors } from '../reconcile/check.js'
import type { CaseScore } from '../reconcile/score-cases.js'

/** One check's cases against generator truth, with the floors the pipeline sets for it. */
export interface CheckQuality {
  readonly id: string
  readonly name: string
  readonly truth: number
  /** Cases counted (待人工确认 cases are questions, not findings: not counted). */
  readonly cases: number
  readonly matched: number
  readonly precision: number | null
  readonly recall: number | null
  readonly wrongCommunity: number
  readonly floors: QualityFloors
  /** Each floor missed, e.g. `precision 0.914 < 0.95`; empty when the check passes. */
  readonly failures: readonly string[]
}

/**
 * Per check of the pipeline (in its order), the score and the floors it misses. A check with
 * no truth and no cases has nothing to score: it passes. Precision is judged only when there
 * are cases and recall only when there is truth (an empty share is no evidence either way).
 */
export function checkQuality(score: CaseScore, checks: readonly Check[]): CheckQuality[] {
  const byType = new Map(score.types.map((t) => [t.type, t]))
  return checks.map((c) => {
    const t = byType.get(c.id)
    const floors = c.floors ?? {}
    const failures: string[] = []
    const precision = t?.precision ?? null
    const recall = t?.recall ?? null
    if (floors.precision !== undefined && precision !== null && precision < floors.precision)
      failures.push(`precision ${precision.toFixed(3)} < ${floors.precision}`)
    if (floors.recall !== undefined && recall !== null && recall < floors.recall)
      failures.push(`recall ${recall.toFixed(3)} < ${floors.recall}`)
    return {
      id: c.id,
      name: c.name,
      truth: t?.truth ?? 0,
      cases: t?.cases ?? 0,
      matched: t?.matched ?? 0,
      precision,
      recall,
      wrongCommunity: t?.wrongCommunity ?? 0,
      floors,
      failures,
    }
  })
}
