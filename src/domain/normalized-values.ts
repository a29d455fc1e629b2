import type { Sex } from './sex.js'

/**
 * What each normalizer returns. Raw and normalized values travel side by side: nothing is
 * auto-corrected or thrown away, and every value carries a status an officer can read.
 */

export const residentIdStatuses = [
  'valid', // 18 characters, check character right
  'upgraded_from_15', // legacy 15-digit number, upgraded (norm is the 18-character form)
  'bad_check_digit', // 18 characters of the right shape, check character wrong
  'excel_truncated', // 18 digits ending in 000 that fail the check: Excel kept 15 significant digits
  'malformed', // anything else that is not blank
  'missing', // blank or a placeholder
] as const
export type ResidentIdStatus = (typeof residentIdStatuses)[number]

export interface NormalizedResidentId {
  readonly raw: string | null
  /** Cleaned form: 18 characters for valid/upgraded/bad_check_digit/excel_truncated, else the cleaned text or null. */
  readonly norm: string | null
  readonly status: ResidentIdStatus
  /** YYYY-MM-DD from the number, when its digits form a real date. */
  readonly birthDate: string | null
  readonly sex: Sex | null
  /** Digits 1–6, whenever the number has them. */
  readonly region: string | null
  /** Whether the region is in the historical union of GB/T 2260 codes (null when there is no region). */
  readonly regionKnown: boolean | null
  /** The first 15 characters of an 18-character form: a blocking key that survives Excel truncation. */
  readonly prefix15: string | null
}

export interface NormalizedName {
  readonly raw: string | null
  /** NFKC, no spaces, one middle dot (U+00B7), simplified per character with a keep-list. */
  readonly norm: string | null
  readonly surname: string | null
  readonly given: string | null
  /** Toneless pinyin, syllables joined by single spaces: "shan xiong xin". */
  readonly pinyin: string | null
  readonly surnamePinyin: string | null
  readonly givenPinyin: string | null
  /** True for 张丽之女, 婴儿, 某某 and the like: a name that does not name anybody (norm is null). */
  readonly placeholder: boolean
}

export const dateStatuses = ['valid', 'missing', 'impossible', 'unparsed'] as const
export type DateStatus = (typeof dateStatuses)[number]

export interface NormalizedDate {
  readonly raw: string | null
  /** YYYY-MM-DD */
  readonly norm: string | null
  /** HH:MM:SS when the value carried a time of day. */
  readonly time: string | null
  readonly status: DateStatus
}

export interface NormalizedAddress {
  readonly raw: string | null
  /** NFKC, Arabic numerals, one token per unit (幢/单元/室), the jurisdiction's prefix removed. */
  readonly norm: string | null
}
