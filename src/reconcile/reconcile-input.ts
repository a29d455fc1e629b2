import type { PersonCategory, RecordStatus } from '../domain/canonical-field.js'
import type { MaritalStatus } from '../domain/marital-status.js'
import type { DateStatus, ResidentIdStatus } from '../domain/normalized-values.js'
import type { EventType, RecordKind, Role } from '../domain/record-kind.js'
import type { Sex } from '../domain/sex.js'
import type { SourceAgency } from '../domain/source-agency.js'

/**
 * What reconciliation reads: one period's records, the person each belongs to, and the scored
 * pairs the linkage kept. Plain data, built by a thin adapter from the store (record columns +
 * `detail`, record_person, link_pair), so that the checks stay pure and testable by hand.
 */
export interface ReconcileInput {
  /** The period's sources by name: agency and kind say what their records mean. */
  readonly sources: readonly ReconcileSource[]
  /** Records in any order; `person`, `pairs` and cases refer to them by index. */
  readonly records: readonly ReconcileRecord[]
  /**
   * person[i]: the person (cluster of accepted links) record i belongs to. Any integer key;
   * a record alone in its cluster has a key of its own.
   */
  readonly person: ArrayLike<number>
  /** Accepted and review-band pairs with their probabilities (link_pair). */
  readonly pairs: readonly LinkedPair[]
  /** Names of the comparisons behind `LinkedPair.levels`, in order (the model's), if known. */
  readonly comparisons?: readonly string[]
}

export interface ReconcileSource {
  /** The pipeline's source name, e.g. register-persons. */
  readonly name: string
  readonly agency: SourceAgency
  readonly kind: RecordKind
  /** What officers call it, e.g. 全员人口库; default from agency and kind (labels-zh.ts). */
  readonly label?: string
}

/** One person record (one role of one source row), normalized, with where it came from. */
export interface ReconcileRecord {
  /** Source name (a `ReconcileSource.name`). */
  readonly source: string
  readonly role: Role
  /**
   * The record's period-unique fingerprint, `source|role|naturalKey` (recordFingerprints in
   * match/record-fingerprint.ts): what case keys are built from, so the same record gives
   * the same case next month.
   */
  readonly fingerprint: string
  /** Export file name (e.g. register-persons-2026-10.csv) and 1-based physical line: the evidence. */
  readonly file: string
  readonly line: number
  readonly residentId: {
    readonly norm: string | null
    readonly status: ResidentIdStatus
    /** YYYY-MM-DD from the number, when its digits form a real date. */
    readonly birthDate: string | null
    readonly sex: Sex | null
  }
  /** Normalized name (null when blank or a placeholder such as 张丽之女). */
  readonly name: string | null
  /** Toneless pinyin `surname|given` as stored (record.name_pinyin), or null. */
  readonly namePinyin: string | null
  readonly formerName: string | null
  readonly sex: Sex | null
  /** YYYY-MM-DD, or null. */
  readonly birthDate: string | null
  /** Status of the birth date as read; `impossible` is a record-level defect. */
  readonly birthDateStatus: DateStatus
  readonly maritalStatus: MaritalStatus | null
  readonly householdNo: string | null
  /** Community code inside the jurisdiction, or null (未能定位 / outside). */
  readonly community: string | null
  /**
   * Where the record says the person lives, normalized (现住址 / 居住地址, else the hukou
   * address): lets a case without a placed record be placed by the community of its flat.
   */
  readonly dwelling?: string | null
  readonly category: PersonCategory | null
  /** null when the source has no status column: such a record counts as active. */
  readonly status: RecordStatus | null
  /** 注销原因 / 人员状态 text as read, e.g. 死亡, 迁出. */
  readonly statusReason: string | null
  readonly eventType: EventType | null
  /** YYYY-MM-DD, or null. */
  readonly eventDate: string | null
}

export type PairBand = 'accept' | 'review'

/** A scored pair of two records (indexes into `records`). */
export interface LinkedPair {
  readonly left: number
  readonly right: number
  readonly band: PairBand
  readonly probability: number
  /** Comparison levels, comma-separated, -1 for missing (link_pair.levels), when known. */
  readonly levels?: string | null
}

/** What the checks need besides the data: the period, passed in (no clock in pure code). */
export interface ReconcileOptions {
  /** The reconciled month, YYYY-MM: its last day is "today" for ages and impossible dates. */
  readonly period: string
}
