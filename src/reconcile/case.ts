import type { Role } from '../domain/record-kind.js'
import type { CheckKind, ConflictField, InvalidProblem } from './check.js'

/**
 * What a record is to its case:
 * - `subject`: what the case is about (the bride not found, the register record that is stale,
 *   conflicting or invalid, each duplicate); the case key is made of these;
 * - `counterpart`: a record the subject might be (a review-band candidate), or the target
 *   record that exists but fails the check's filter (a register record still shown 未婚);
 * - `evidence`: the records that show the defect (the authority believed, the death record);
 * - `context`: others on the subject's row (the mother on a birth certificate).
 */
export const caseRecordParts = ['subject', 'counterpart', 'evidence', 'context'] as const
export type CaseRecordPart = (typeof caseRecordParts)[number]

export interface CaseRecord {
  /** Index into the input's records. */
  readonly index: number
  readonly part: CaseRecordPart
  readonly source: string
  readonly role: Role
  /** `file:line:role`, the form of the generator's truth (truth/discrepancies.csv). */
  readonly ref: string
  readonly fingerprint: string
}

/** One field on which the subject disagrees with the authority believed. */
export interface FieldDifference {
  readonly field: ConflictField
  /** The subject's value, as shown to officers (e.g. 男, 1999-07-09). */
  readonly recorded: string
  readonly believed: string
  /** Source name and record index of the value believed. */
  readonly believedSource: string
  readonly believedRecord: number
}

/** One discrepancy for an office to act on. */
export interface Case {
  /** `<check id>:<16 hex>`: the check and a hash of its subjects' fingerprints, stable across months. */
  readonly key: string
  readonly checkId: string
  /** Chinese check name, e.g. 新婚漏管. */
  readonly checkName: string
  readonly kind: CheckKind
  /**
   * true: 待人工确认, the case rests on a pair in the clerical-review band (or an accepted pair
   * the clustering split): a person decides whether the records are one person.
   */
  readonly review: boolean
  /** Community that visits: the register record's, else the subject's, else its row's; null = 未能定位. */
  readonly community: string | null
  /**
   * How the community was found: `record` — a record of the case or of its persons is placed
   * there; `dwelling` — only the flat a record names is known to the register there (say so
   * to the officer: it is an inference); null with no community (未能定位).
   */
  readonly communityBy: 'record' | 'dwelling' | null
  /** Subjects first, then counterparts, evidence and context, each in ref order. */
  readonly records: readonly CaseRecord[]
  /** Probability of the pair that decided the case, for link-based cases when the pair was scored. */
  readonly probability: number | null
  /** Comparison levels of that pair (link_pair.levels), when known. */
  readonly levels: string | null
  /** For conflicts: each differing field. */
  readonly differences: readonly FieldDifference[]
  /** For invalid records: what is wrong. */
  readonly problems: readonly InvalidProblem[]
  /** One line in plain Chinese for the officer. */
  readonly reason: string
}
