/**
 * How dirty each agency's export is, per profile. Every number is a probability per value (or
 * per row for `malformedRow`); docs/generator.md prints these tables. The register is the
 * sloppiest and police the cleanest, as officers report. In the register, rates marked
 * "semantic" are also true defects: they are listed in truth/discrepancies.csv.
 */
export interface SourceNoise {
  /** semantic: one character replaced by a homophone (王丽 → 王莉), given names 5× likelier than surnames. */
  readonly nameHomophone: number
  /** semantic: one character replaced by a look-alike (己/已, 王/玉). */
  readonly nameNearForm: number
  /** format: the name written with traditional characters where they exist (张伟 → 張偉). */
  readonly nameTraditional: number
  /** format: a space (ASCII or U+3000) inside the name or trailing. */
  readonly nameSpace: number
  /** format, among names with a middle dot: another separator (• . ・ －) or none. */
  readonly nameMinorityDot: number
  /** semantic: one digit of the ID replaced. */
  readonly idDigitTypo: number
  /** semantic: two adjacent ID characters swapped (different characters only). */
  readonly idTransposition: number
  /** format: the ID in full-width digits (４１０１…). */
  readonly idFullWidth: number
  /** format, among IDs ending in X: written lowercase x. */
  readonly idLowercaseX: number
  /** format: spaces inside or around the ID. */
  readonly idSpaces: number
  /** format, among people born before 1980: the legacy 15-digit ID. */
  readonly idLegacy15: number
  /** semantic: the ID left blank. */
  readonly idMissing: number
  /** semantic: the row went through Excel, which kept 15 significant digits (…000). CSV exports only. */
  readonly idExcelTruncated: number
  /** semantic, among dates whose day ≤ 12 and day ≠ month: day and month swapped. */
  readonly dateDayMonthSwap: number
  /** semantic: a wrong date (±1–3 days, or the year off by one). */
  readonly dateWrong: number
  /** format: the date written in another format than the export's own (1990年1月2日, 1990.1.2, 19900102 …). */
  readonly dateOtherFormat: number
  /** semantic: sex recorded wrong. */
  readonly sexWrong: number
  /** An optional value (address, household number, marital status, father) left blank. */
  readonly valueMissing: number
  /** format: the address without the 河南省郑州市金水区 prefix, as 3-2-501, or with Chinese numerals. */
  readonly addressVariant: number
  /** A row that cannot be parsed: an extra or missing column, a broken quote, a line break inside. CSV only. */
  readonly malformedRow: number
}

/** The register's true defects (what reconciliation must find), as probabilities per eligible case. */
export interface RegisterDefects {
  /** A bride who now lives here (moved in by marriage) has no register record (新婚漏管). */
  readonly newlywedMissing: number
  /** A bride already in the register is still shown 未婚 (新婚漏管). */
  readonly newlywedUnmarried: number
  /** A divorce is not recorded: still 已婚 (信息不一致, maritalStatus). */
  readonly divorceUnrecorded: number
  /** A birth in the window is in neither the register's persons nor its births (出生漏报). */
  readonly birthUnreported: number
  /** An inflow migrant has no register record (流入漏管; listed for married women 15–49). */
  readonly inflowUnregistered: number
  /** An active person has a second active record (重复建档): 15-digit ID, name variant, or re-entered elsewhere. */
  readonly duplicate: number
  /** A death known to police or civil affairs is still 正常 (死亡未注销). */
  readonly staleDeath: number
  /** A hukou move-out is still 正常 (迁出未注销). */
  readonly staleMoveOut: number
  /** A renamed person (变更更正) still carries the old name (信息不一致, name). */
  readonly formerNameKept: number
}

export interface NoiseProfile {
  readonly police: SourceNoise
  readonly civil: SourceNoise
  readonly health: SourceNoise
  readonly register: SourceNoise
  readonly defects: RegisterDefects
}

export const noiseProfileNames = ['clean', 'normal', 'hard'] as const
export type NoiseProfileName = (typeof noiseProfileNames)[number]

const police: SourceNoise = {
  nameHomophone: 0.003,
  nameNearForm: 0.001,
  nameTraditional: 0.001,
  nameSpace: 0.002,
  nameMinorityDot: 0.3,
  idDigitTypo: 0.0005,
  idTransposition: 0.0003,
  idFullWidth: 0.001,
  idLowercaseX: 0.02,
  idSpaces: 0.001,
  idLegacy15: 0.01,
  idMissing: 0.001,
  idExcelTruncated: 0,
  dateDayMonthSwap: 0.001,
  dateWrong: 0.0005,
  dateOtherFormat: 0.01,
  sexWrong: 0.0003,
  valueMissing: 0.01,
  addressVariant: 0.1,
  malformedRow: 0.0002,
}

const civil: SourceNoise = {
  nameHomophone: 0.005,
  nameNearForm: 0.002,
  nameTraditional: 0.002,
  nameSpace: 0.005,
  nameMinorityDot: 0.5,
  idDigitTypo: 0.002,
  idTransposition: 0.001,
  idFullWidth: 0.003,
  idLowercaseX: 0.1,
  idSpaces: 0.005,
  idLegacy15: 0.03,
  idMissing: 0.002,
  idExcelTruncated: 0.002,
  dateDayMonthSwap: 0.003,
  dateWrong: 0.001,
  dateOtherFormat: 0.05,
  sexWrong: 0.001,
  valueMissing: 0.03,
  addressVariant: 0.3,
  malformedRow: 0.001,
}

const health: SourceNoise = {
  nameHomophone: 0.01,
  nameNearForm: 0.003,
  nameTraditional: 0.002,
  nameSpace: 0.008,
  nameMinorityDot: 0.5,
  idDigitTypo: 0.003,
  idTransposition: 0.002,
  idFullWidth: 0.005,
  idLowercaseX: 0.15,
  idSpaces: 0.01,
  idLegacy15: 0.05,
  idMissing: 0.01,
  idExcelTruncated: 0.003,
  dateDayMonthSwap: 0.002,
  dateWrong: 0.001,
  dateOtherFormat: 0.05,
  sexWrong: 0.001,
  valueMissing: 0.05,
  addressVariant: 0.5,
  malformedRow: 0.002,
}

const register: SourceNoise = {
  nameHomophone: 0.02,
  nameNearForm: 0.006,
  nameTraditional: 0.004,
  nameSpace: 0.015,
  nameMinorityDot: 0.8,
  idDigitTypo: 0.004,
  idTransposition: 0.003,
  idFullWidth: 0.01,
  idLowercaseX: 0.3,
  idSpaces: 0.02,
  idLegacy15: 0.15,
  idMissing: 0.008,
  idExcelTruncated: 0.004,
  dateDayMonthSwap: 0.006,
  dateWrong: 0.003,
  dateOtherFormat: 0.35,
  sexWrong: 0.002,
  valueMissing: 0.04,
  addressVariant: 0.6,
  malformedRow: 0.0005,
}

const defects: RegisterDefects = {
  newlywedMissing: 0.3,
  newlywedUnmarried: 0.2,
  divorceUnrecorded: 0.3,
  birthUnreported: 0.12,
  inflowUnregistered: 0.1,
  duplicate: 0.006,
  staleDeath: 0.12,
  staleMoveOut: 0.15,
  formerNameKept: 0.5,
}

/** Scales every rate (capped at 1); `keep` lists rates that stay as they are. */
function scaled<T extends object>(rates: T, factor: number, keep: readonly (keyof T)[] = []): T {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(rates) as [keyof T & string, number][]) {
    out[k] = keep.includes(k) ? v : Math.min(1, Math.round(v * factor * 1e6) / 1e6)
  }
  return out as T
}

const formats = ['dateOtherFormat', 'addressVariant', 'nameMinorityDot', 'idLowercaseX'] as const

/**
 * The three profiles. `normal` is what a district office sees; `clean` has a tenth of its
 * value errors (a third of its format variety, no malformed rows, a third of the defects);
 * `hard` has three times its value errors, more format variety and twice the defects.
 */
export const noiseProfiles: Readonly<Record<NoiseProfileName, NoiseProfile>> = {
  normal: { police, civil, health, register, defects },
  clean: {
    police: { ...scaled(police, 0.1), ...scaled(pickRates(police, formats), 1 / 3), malformedRow: 0 },
    civil: { ...scaled(civil, 0.1), ...scaled(pickRates(civil, formats), 1 / 3), malformedRow: 0 },
    health: { ...scaled(health, 0.1), ...scaled(pickRates(health, formats), 1 / 3), malformedRow: 0 },
    register: { ...scaled(register, 0.1), ...scaled(pickRates(register, formats), 1 / 3), malformedRow: 0 },
    defects: scaled(defects, 1 / 3),
  },
  hard: {
    police: { ...scaled(police, 3), ...scaled(pickRates(police, formats), 1.5) },
    civil: { ...scaled(civil, 3), ...scaled(pickRates(civil, formats), 1.5) },
    health: { ...scaled(health, 3), ...scaled(pickRates(health, formats), 1.5) },
    register: { ...scaled(register, 3), ...scaled(pickRates(register, formats), 1.5) },
    defects: scaled(defects, 2),
  },
}

function pickRates<T extends object, K extends keyof T>(rates: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>
  for (const k of keys) out[k] = rates[k]
  return out
}
