import { type CaseDecision, caseDecisionZh, type DecisionEntry } from './case-decision.js'
import type { CasePeriodEntry } from './case-period-entry.js'
import { type CaseStatus, isOpen } from './case-status.js'

/** A case this month's checks raised, as tracking needs it (no records). */
export interface DetectedCase {
  readonly key: string
  readonly checkId: string
  readonly checkName: string
  readonly community: string | null
  readonly review: boolean
  readonly reason: string
  /** evidenceFingerprint of the case. */
  readonly evidence: string
}

export interface TrackCasesInput {
  /** The month tracked, YYYY-MM. */
  readonly period: string
  /** This month's cases in report order; each key once. */
  readonly detected: readonly DetectedCase[]
  /** The snapshot of the latest earlier month tracked, or null when there is none. */
  readonly previous: readonly CasePeriodEntry[] | null
  /** Per case key, the decision in force for this month (latest made for this month or earlier). */
  readonly decisions: ReadonlyMap<string, DecisionEntry>
}

/**
 * The month's snapshot: each detected case with its status and decision, in the order given,
 * then each case open in the previous snapshot and no longer detected (已消除), in that
 * snapshot's order. Pure: the same detected cases, previous snapshot and decisions give the
 * same snapshot, so re-running a month is idempotent.
 *
 * Decisions are honoured as issue 5 asks:
 * - a false positive on unchanged evidence is `suppressed` (not listed); on changed evidence
 *   it is listed again, flagged `evidenceChanged` (证据已变化);
 * - a case marked fixed in an earlier month and detected again is listed, flagged `reopened`;
 *   in its decision month it stays listed as decided (the exports predate the fix);
 * - a confirmed case is listed as any open case, until no longer detected.
 * @throws RangeError when a key is detected twice (a bug in reconciliation).
 */
export function trackCases(input: TrackCasesInput): CasePeriodEntry[] {
  const wasOpen = new Set((input.previous ?? []).filter((e) => isOpen(e.status)).map((e) => e.key))
  const seen = new Set<string>()
  const out: CasePeriodEntry[] = []
  for (const d of input.detected) {
    if (seen.has(d.key)) throw new RangeError(`case ${d.key} detected twice in ${input.period}`)
    seen.add(d.key)
    const dec = input.decisions.get(d.key) ?? null
    const listed: CaseStatus = wasOpen.has(d.key) ? 'carried' : 'new'
    const base = {
      key: d.key,
      checkId: d.checkId,
      checkName: d.checkName,
      community: d.community,
      review: d.review,
      reason: d.reason,
      evidence: d.evidence,
      decision: dec?.decision ?? null,
      decisionId: dec?.id ?? null,
    }
    if (dec?.decision === 'false-positive' && dec.evidence === d.evidence) {
      out.push({
        ...base,
        status: 'suppressed',
        evidenceChanged: false,
        reopened: false,
        note: decidedZh(dec),
      })
    } else if (dec?.decision === 'false-positive') {
      out.push({
        ...base,
        status: listed,
        evidenceChanged: true,
        reopened: false,
        note: `证据已变化，重新列出（${decidedZh(dec)}）`,
      })
    } else if (dec?.decision === 'fixed' && dec.period < input.period) {
      out.push({
        ...base,
        status: listed,
        evidenceChanged: false,
        reopened: true,
        note: `重新打开：已修正后本月仍检出（${decidedZh(dec)}）`,
      })
    } else {
      out.push({
        ...base,
        status: listed,
        evidenceChanged: false,
        reopened: false,
        note: dec === null ? null : decidedZh(dec),
      })
    }
  }
  for (const e of input.previous ?? []) {
    if (!isOpen(e.status) || seen.has(e.key)) continue
    const dec = input.decisions.get(e.key) ?? null
    out.push({
      ...e,
      status: 'closed',
      evidence: null,
      decision: dec?.decision ?? null,
      decisionId: dec?.id ?? null,
      evidenceChanged: false,
      reopened: false,
      note: dec === null ? null : decidedZh(dec),
    })
  }
  return out
}

/** 误报 · 李四 · 2026-11-03 · 同名不同人: a decision as one line in an officer's language. */
export function decidedZh(d: {
  readonly decision: CaseDecision
  readonly by: string
  readonly at: string
  readonly period: string
  readonly note: string | null
}): string {
  const parts = [caseDecisionZh[d.decision], d.by, d.at.slice(0, 10)]
  if (d.note !== null && d.note !== '') parts.push(d.note)
  return parts.join(' · ')
}
