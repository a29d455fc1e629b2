import type { DecisionEntry } from './case-decision.js'

/**
 * Per case key, the decision a run of `period` honours: the latest (largest audit id) of the
 * decisions made for `period` or an earlier month. A decision made looking at November does
 * not rewrite a re-run of October. Pure.
 */
export function decisionsInForce(
  entries: readonly DecisionEntry[],
  period: string,
): Map<string, DecisionEntry> {
  const out = new Map<string, DecisionEntry>()
  for (const e of entries) {
    if (e.period > period) continue
    const had = out.get(e.caseKey)
    if (had === undefined || e.id > had.id) out.set(e.caseKey, e)
  }
  return out
}
