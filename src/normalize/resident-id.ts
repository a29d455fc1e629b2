import { createRequire } from 'node:module'
import type { NormalizedResidentId, ResidentIdStatus } from '../domain/normalized-values.js'
import {
  hasValidCheckChar,
  residentIdBirthDigits,
  residentIdRegion,
  residentIdSex,
  upgradeResidentId15To18,
} from '../domain/resident-id.js'
import type { Sex } from '../domain/sex.js'

// The historical union of GB/T 2260 codes (1980 onward, abolished counties included) comes from the
// `idcard` package's data files; they are JSON objects keyed by code prefix, each value holding the
// full six-digit `code`. createRequire keeps TypeScript from inferring a type for 6,436 keys.
type CodeTable = Readonly<Record<string, { readonly code: string }>>
const requireJson = createRequire(import.meta.url)
const knownRegions: ReadonlySet<string> = new Set(
  (['province', 'city', 'area'] as const).flatMap((level) =>
    Object.values(requireJson(`idcard/lib/data/${level}.json`) as CodeTable).map((entry) => entry.code),
  ),
)

// NFKC leaves zero-width characters, the soft hyphen and BOMs in place.
const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g
// Excel's text marker ('), smart quotes typed in its place, and the ="…" formula wrapper.
const excelTextWrapper = /^(?:=?"(.*)"|['‘’`]+(.*))$/
const placeholderWords = new Set([
  '无',
  '暂无',
  '没有',
  '无证',
  '不详',
  '未知',
  '空',
  'NULL',
  'NONE',
  'NIL',
  'UNDEFINED',
  'N/A',
  'NA',
])
// Only punctuation, one digit repeated (0000…, 1111…), or a fully masked number (XXXX…).
const placeholderShape = /^(?:[-—_/\\.*]*|(\d)\1*|X+)$/
const excelScientific = /^\d(?:\.\d+)?E\+?\d+$/

/**
 * Reads a resident ID as it appears in an export and says what it is. Never corrects a digit.
 *
 * Cleaning: NFKC (full-width digits and letters), all whitespace removed (U+3000, U+200B, tabs),
 * Excel's leading apostrophe and `="…"` wrapper dropped, and x / × / Ｘ written as X.
 *
 * Statuses:
 * - `valid`: 18 characters with the right check character.
 * - `upgraded_from_15`: 15 digits; `norm` is the 18-character upgrade (GB 11643: insert 19, add the check).
 * - `excel_truncated`: 18 digits ending in 000 whose check fails (Excel kept 15 significant
 *   digits). `norm` keeps the 000; `sex` is null because digit 17 was lost; `birthDate`,
 *   `region` and `prefix15` survive.
 * - `bad_check_digit`: any other 18 characters of the right shape with a wrong check character.
 * - `missing`: null, blank, punctuation only, a placeholder word (无, 不详, NULL), one digit
 *   repeated (000…, 111…) or all X.
 * - `malformed`: anything else. `norm` is the cleaned text; `region` is its first six characters
 *   when they are digits. Excel scientific notation (`4.10105E+17`) lands here with no region:
 *   Excel rounds the shown mantissa, so even its sixth digit cannot be trusted.
 *
 * `birthDate` (YYYY-MM-DD) is set only when digits 7–14 form a real date in 1800–2199. `sex` is
 * the parity of digit 17 as written. `regionKnown` compares the region with every GB/T 2260 code
 * issued since 1980; an unknown region is information, never a reason to reject. `prefix15` is the
 * first 15 characters of the 18-character form. Total: never throws.
 */
export function normalizeResidentId(raw: string | null | undefined): NormalizedResidentId {
  if (raw === null || raw === undefined) return noId(null, 'missing', null)
  const text = clean(String(raw))
  if (text === '' || placeholderShape.test(text) || placeholderWords.has(text)) {
    return noId(raw, 'missing', null)
  }
  if (/^\d{15}$/.test(text)) return fromId18(raw, upgradeResidentId15To18(text), 'upgraded_from_15')
  if (/^\d{17}[\dX]$/.test(text)) {
    if (hasValidCheckChar(text)) return fromId18(raw, text, 'valid')
    return fromId18(raw, text, text.endsWith('000') ? 'excel_truncated' : 'bad_check_digit')
  }
  if (excelScientific.test(text)) return noId(raw, 'malformed', text)
  const region = /^\d{6}/.test(text) ? text.slice(0, 6) : null
  return {
    raw,
    norm: text,
    status: 'malformed',
    birthDate: null,
    sex: null,
    region,
    regionKnown: region === null ? null : knownRegions.has(region),
    prefix15: null,
  }
}

function clean(text: string): string {
  let s = text.normalize('NFKC').replace(invisible, '')
  const wrapped = excelTextWrapper.exec(s)
  if (wrapped) s = (wrapped[1] ?? wrapped[2] ?? '').replace(invisible, '')
  return s.replace(/[x×✕╳]/g, 'X').toUpperCase()
}

function fromId18(raw: string, id18: string, status: ResidentIdStatus): NormalizedResidentId {
  const region = residentIdRegion(id18)
  // Excel zeroed digits 16–18, so the parity digit is gone; everything before it is intact.
  const sex: Sex | null = status === 'excel_truncated' ? null : residentIdSex(id18)
  return {
    raw,
    norm: id18,
    status,
    birthDate: calendarDate(residentIdBirthDigits(id18)),
    sex,
    region,
    regionKnown: knownRegions.has(region),
    prefix15: id18.slice(0, 15),
  }
}

function noId(raw: string | null, status: ResidentIdStatus, norm: string | null): NormalizedResidentId {
  return { raw, norm, status, birthDate: null, sex: null, region: null, regionKnown: null, prefix15: null }
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** YYYY-MM-DD for eight digits that name a real day in 1800–2199, else null. */
function calendarDate(digits: string): string | null {
  const year = Number(digits.slice(0, 4))
  const month = Number(digits.slice(4, 6))
  const day = Number(digits.slice(6, 8))
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return null
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const last = month === 2 && leap ? 29 : (daysInMonth[month - 1] as number)
  if (day > last) return null
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
}
