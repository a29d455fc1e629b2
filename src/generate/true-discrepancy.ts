/** The register's true defects, as reconciliation should report them (DOMAIN.md, the checks). */
export const discrepancyTypes = {
  'missing-newlywed': '新婚漏管',
  'missing-birth': '出生漏报',
  'missing-inflow': '流入漏管',
  duplicate: '重复建档',
  conflict: '信息不一致',
  'stale-death': '死亡未注销',
  'stale-move-out': '迁出未注销',
  'invalid-id': '身份证号错误',
} as const
export type DiscrepancyType = keyof typeof discrepancyTypes

/** Which exports a discrepancy's evidence is drawn from (file keys, see export-files.ts). */
export type EvidenceScope = 'all-other-sources' | readonly string[]

/**
 * One true discrepancy. Register rows are referenced by line; the records that show it in
 * other exports are found in the record log when truth is written (`evidence`), and a
 * discrepancy that no export can show (`requiresEvidence` with none found) is dropped.
 */
export interface TrueDiscrepancy {
  readonly type: DiscrepancyType
  /** Community index that would visit (where the person lives, else their hukou community). */
  readonly community: number
  readonly persons: readonly number[]
  readonly registerLines: readonly number[]
  readonly evidence: readonly { readonly person: number; readonly scope: EvidenceScope }[]
  readonly requiresEvidence: boolean
  /** For conflicts: name, birthDate, sex or maritalStatus; for invalid-id: residentId. */
  readonly field: string
  readonly trueValue: string
  readonly recordedValue: string
  /** A short machine-readable cause, e.g. digit-typo, day-month-swap, former-name, 15-digit-id. */
  readonly detail: string
}
