import type { PersonCategory, RecordStatus } from '../domain/canonical-field.js'
import type { MaritalStatus } from '../domain/marital-status.js'
import type { ResidentIdStatus } from '../domain/normalized-values.js'
import type { EventType, Role } from '../domain/record-kind.js'
import type { Sex } from '../domain/sex.js'

/**
 * A check, resolved: one configured instance of a generic kind. 新婚漏管, 出生漏报 … are data
 * (the checks: section of pipelines/demo.yaml), not code; the authored form and its validation are
 * in pipeline/checks-schema.ts.
 */
export const checkKinds = ['missing', 'duplicate', 'conflict', 'stale', 'invalid'] as const
export type CheckKind = (typeof checkKinds)[number]

/**
 * Which records a check looks at. Every condition given must hold (AND); a check field that
 * takes a list of filters accepts a record matching any one of them (OR).
 */
export interface RecordFilter {
  readonly sources?: readonly string[]
  readonly roles?: readonly Role[]
  readonly eventTypes?: readonly EventType[]
  readonly sex?: Sex
  /**
   * Whole years at the record's event date (else the period's last day), from the stated
   * birth date, else the ID's. A record whose age cannot be told passes: a missed check costs
   * more than one visit.
   */
  readonly age?: { readonly min?: number; readonly max?: number }
  readonly categories?: readonly PersonCategory[]
  /** A record without a status (its source has no status column) counts as active. */
  readonly statuses?: readonly RecordStatus[]
  readonly maritalStatuses?: readonly MaritalStatus[]
  /** 注销原因 containing one of these texts, e.g. 死亡. */
  readonly statusReasons?: readonly string[]
  /** true: the record itself is placed in a community of the jurisdiction; false: it is not. */
  readonly inJurisdiction?: boolean
  /**
   * true: the record or another record of its person places the person here now: a community,
   * on a record neither cancelled nor a move-out or death (a bride whose marriage row carries
   * no community, known to the local police).
   */
  readonly personInJurisdiction?: boolean
  /**
   * true: the person of the record or of another record on its row is placed: a newborn is
   * local when its mother is; a bride when she or her husband is, since she moves in.
   */
  readonly rowInJurisdiction?: boolean
  /** The event date falls in the reconciled month. */
  readonly eventInPeriod?: boolean
  /**
   * The record's person holds no record of these dated strictly before the record's event: a
   * bride whose police 暂住 registration predates her marriage came as a migrant (流入漏管),
   * one registered after it moved in by marriage (新婚漏管). Undated records precede nothing.
   */
  readonly notPrecededBy?: PrecedingFilter
}

/** Which earlier records `notPrecededBy` looks for. */
export interface PrecedingFilter {
  readonly sources?: readonly string[]
  readonly roles?: readonly Role[]
  readonly eventTypes?: readonly EventType[]
}

interface CheckBase {
  /** Stable kebab-case id, part of every case key, e.g. missing-newlywed. */
  readonly id: string
  /** What officers read, e.g. 新婚漏管. */
  readonly name: string
  /** English label, e.g. missing newlywed. */
  readonly label: string
  /**
   * Least precision and recall against generator truth that `bidui check` accepts on the
   * pipeline's fixtures; absent: the check is scored but never fails on quality.
   */
  readonly floors?: QualityFloors
}

export interface QualityFloors {
  readonly precision?: number
  readonly recall?: number
}

/** Records of `from` whose person holds no record of `in`. */
export interface MissingCheck extends CheckBase {
  readonly kind: 'missing'
  readonly from: readonly RecordFilter[]
  readonly in: readonly RecordFilter[]
  /**
   * Ids of checks listed earlier: no case for a person one of their cases is already about (a
   * migrant bride raised by 流入漏管 is one visit, not two).
   */
  readonly unlessRaisedBy?: readonly string[]
}

/** A person with more than one active record of `of`. */
export interface DuplicateCheck extends CheckBase {
  readonly kind: 'duplicate'
  readonly of: readonly RecordFilter[]
}

export const conflictFields = ['name', 'birthDate', 'sex', 'maritalStatus', 'residentId'] as const
export type ConflictField = (typeof conflictFields)[number]

/**
 * How two values of a field may differ and still agree, and which earlier checks already
 * cover a difference of it: a register record still 未婚 after a marriage is a 新婚漏管 case,
 * and raising it again as 信息不一致 would send an officer twice to one defect.
 */
export type FieldRule = (
  | { readonly field: 'name'; readonly tolerance: 'exact' | 'samePinyin' }
  | { readonly field: 'birthDate'; readonly withinDays: number }
  | { readonly field: 'sex' | 'maritalStatus' | 'residentId' }
) & {
  /** Ids of checks listed earlier: no difference on this field for a record in one of their cases. */
  readonly unlessRaisedBy?: readonly string[]
}

/**
 * A `target` record whose person holds a record of `authority` disagreeing on a field. The
 * authority filters are in order of trust: the first one with a value is believed.
 */
export interface ConflictCheck extends CheckBase {
  readonly kind: 'conflict'
  readonly target: readonly RecordFilter[]
  readonly authority: readonly RecordFilter[]
  readonly fields: readonly FieldRule[]
}

/**
 * An active `target` record whose person holds an `evidence` record (a death, a move-out),
 * unless a `revokedBy` record (a move back in) is dated on or after that evidence.
 */
export interface StaleCheck extends CheckBase {
  readonly kind: 'stale'
  readonly target: readonly RecordFilter[]
  readonly evidence: readonly RecordFilter[]
  readonly revokedBy: readonly RecordFilter[]
}

export const invalidProblems = [
  'id-status', // the ID's status is one of the check's idStatuses
  'id-birth-date', // the ID's birth date differs from the stated one
  'id-sex', // the ID's sex differs from the stated one
  'impossible-birth-date', // a birth date that is no date, or after the event or the period
] as const
export type InvalidProblem = (typeof invalidProblems)[number]

/** Record-level defects of `target` records. */
export interface InvalidCheck extends CheckBase {
  readonly kind: 'invalid'
  readonly target: readonly RecordFilter[]
  /** Which ID statuses are defects, e.g. bad_check_digit, excel_truncated, malformed, missing. */
  readonly idStatuses: readonly ResidentIdStatus[]
  readonly problems: readonly InvalidProblem[]
}

export type Check = MissingCheck | DuplicateCheck | ConflictCheck | StaleCheck | InvalidCheck
