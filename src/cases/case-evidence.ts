import { priorMatchWeight } from '../match/fellegi-sunter.js'
import type { LinkModel } from '../match/link-model.js'
import type { Case, CaseRecordPart } from '../reconcile/case.js'
import type { ReconcileRecord } from '../reconcile/reconcile-input.js'

/** Version of the stored evidence JSON (case_period.evidence_detail), bumped when it reads differently. */
export const caseEvidenceVersion = 1

/** One record of a case as officers compare it side by side: values as stored, nothing masked. */
export interface EvidenceRecord {
  readonly part: CaseRecordPart
  readonly source: string
  readonly role: string
  /** `file:line:role`. */
  readonly ref: string
  /** The compared fields, each null when the record has none; keys as in evidenceFields. */
  readonly fields: Readonly<Record<EvidenceField, string | null>>
}

/** The fields shown side by side, in the order rows are drawn. */
export const evidenceFields = [
  'name',
  'formerName',
  'residentId',
  'sex',
  'birthDate',
  'maritalStatus',
  'status',
  'statusReason',
  'eventType',
  'eventDate',
  'householdNo',
  'community',
  'dwelling',
] as const
export type EvidenceField = (typeof evidenceFields)[number]

/** One comparison's step of the waterfall: log2(m/u) at the pair's level, 0 when a side is missing. */
export interface EvidenceContribution {
  readonly comparison: string
  /** Level value (-1 missing) and its code from the model (e.g. exact, else). */
  readonly level: number
  readonly levelCode: string | null
  readonly weight: number
}

/** Why the deciding pair scored what it did: the match weight split by comparison. */
export interface EvidenceMatch {
  /** log2(λ / (1 − λ)): where every pair starts. */
  readonly priorWeight: number
  readonly contributions: readonly EvidenceContribution[]
  /**
   * What term-frequency adjustment added on top of the model's average u (a common name agreeing
   * counts less than a rare one): the rest of the stored weight, non-zero only when some
   * comparison sits on its term-frequency level. Frequencies are not stored, so this is the one
   * step not rebuilt from the model alone.
   */
  readonly termFrequencyWeight: number
  /** prior + contributions + term frequency: the pair's match weight in bits. */
  readonly matchWeight: number
}

/** What the case view shows for a case in a month: its records, the probability, the waterfall. */
export interface CaseEvidence {
  readonly v: typeof caseEvidenceVersion
  readonly records: readonly EvidenceRecord[]
  readonly differences: Case['differences']
  readonly problems: Case['problems']
  /** Probability of the deciding pair, when the case rests on a scored pair. */
  readonly probability: number | null
  /** null without a scored pair, without its levels, or when the levels do not fit the model. */
  readonly match: EvidenceMatch | null
}

/** Match weight (bits) of a probability, log2(p / (1 − p)); null where it is not finite (p rounded to 0 or 1). */
export function weightOfProbability(p: number): number | null {
  const w = Math.log2(p) - Math.log2(1 - p)
  return Number.isFinite(w) ? w : null
}

/**
 * The waterfall of a pair: prior, then each comparison's log2(m/u) at the pair's level
 * (link_pair.levels with link_run's model), then the term-frequency remainder against the
 * stored weight (or the probability's). Pure. Returns null when the levels do not fit the
 * model (a model of other comparisons), rather than drawing a wrong chart.
 */
export function explainPairLevels(
  model: LinkModel,
  levels: string,
  probability: number,
  /** The pair's stored match weight (link_pair.match_weight), more precise than the probability near 1. */
  storedWeight: number | null = null,
): EvidenceMatch | null {
  const values = levels.split(',').map(Number)
  if (values.length !== model.comparisons.length) return null
  const contributions: EvidenceContribution[] = []
  let tfLevelHit = false
  for (const [c, p] of model.comparisons.entries()) {
    const level = values[c] as number
    if (level === -1) {
      contributions.push({ comparison: p.name, level, levelCode: null, weight: 0 })
      continue
    }
    const m = p.m[level]
    const u = p.u[level]
    if (!Number.isInteger(level) || m === undefined || u === undefined) return null
    if (p.termFrequency?.level === level) tfLevelHit = true
    contributions.push({
      comparison: p.name,
      level,
      levelCode: p.levels[level] ?? null,
      weight: Math.log2(m / u),
    })
  }
  const priorWeight = priorMatchWeight(model.lambda)
  const modelWeight = contributions.reduce((s, c) => s + c.weight, priorWeight)
  const stored = storedWeight ?? weightOfProbability(probability)
  const termFrequencyWeight = tfLevelHit && stored !== null ? stored - modelWeight : 0
  return { priorWeight, contributions, termFrequencyWeight, matchWeight: modelWeight + termFrequencyWeight }
}

/**
 * A case's evidence for the store: every record of the case with the fields officers compare,
 * the differences and problems, and the deciding pair's waterfall when the linkage's model is
 * given. Pure; nothing is masked here (the server masks IDs before sending).
 */
export function buildCaseEvidence(
  c: Case,
  records: readonly ReconcileRecord[],
  model: LinkModel | null,
  /** The stored weight of the case's pair, by its records' refs and levels (pairWeightLookup). */
  storedWeight: (refs: readonly string[], levels: string) => number | undefined = () => undefined,
): CaseEvidence {
  return {
    v: caseEvidenceVersion,
    records: c.records.map((cr) => {
      const r = records[cr.index]
      if (r === undefined) throw new RangeError(`case ${c.key}: record ${cr.index} is not in the input`)
      return {
        part: cr.part,
        source: cr.source,
        role: cr.role,
        ref: cr.ref,
        fields: {
          name: r.name,
          formerName: r.formerName,
          residentId: r.residentId.norm,
          sex: r.sex,
          birthDate: r.birthDate,
          maritalStatus: r.maritalStatus,
          status: r.status,
          statusReason: r.statusReason,
          eventType: r.eventType,
          eventDate: r.eventDate,
          householdNo: r.householdNo,
          community: r.community,
          dwelling: r.dwelling ?? null,
        },
      }
    }),
    differences: c.differences,
    problems: c.problems,
    probability: c.probability,
    match:
      model === null || c.probability === null || c.levels === null || c.levels === undefined
        ? null
        : explainPairLevels(
            model,
            c.levels,
            c.probability,
            storedWeight(
              c.records.map((r) => r.ref),
              c.levels,
            ) ?? null,
          ),
  }
}

/** The stored evidence of a case, or null when absent (months tracked before migration 0006) or of another version. */
export function readCaseEvidence(json: string | null): CaseEvidence | null {
  if (json === null) return null
  const parsed = JSON.parse(json) as Partial<CaseEvidence>
  return parsed.v === caseEvidenceVersion ? (parsed as CaseEvidence) : null
}
