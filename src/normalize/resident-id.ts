import { createRequire } from 'node:module'
import type { NormalizedResidentId, ResidentIdStatus } from '../domain/normalized-values.js'
import {
  hasValidCheckChar,
  residentIdCheckChars,
  residentIdCheckWeights,
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
// One bit per six-digit number: a lookup reads the digits already in hand instead of hashing a new
// six-character string, as a Set<string> would on every call.
const knownRegionBits = new Uint8Array(1_000_000 / 8)
for (const level of ['province', 'city', 'area'] as const) {
  for (const { code } of Object.values(requireJson(`idcard/lib/data/${level}.json`) as CodeTable)) {
    const n = Number(code)
    if (/^\d{6}$/.test(code)) knownRegionBits[n >> 3] = (knownRegionBits[n >> 3] as number) | (1 << (n & 7))
  }
}

function isKnownRegion(region: number): boolean {
  return (((knownRegionBits[region >> 3] as number) >> (region & 7)) & 1) === 1
}

/** The number six ASCII digits at the start of `text` spell. */
function regionNumber(text: string): number {
  let n = 0
  for (let i = 0; i < 6; i++) n = n * 10 + text.charCodeAt(i) - 48
  return n
}

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
  if (raw === null || raw === undefined) return absent
  if (typeof raw === 'string') {
    const fast = raw.length === 18 ? cleanId18(raw) : raw.length === 15 ? cleanId15(raw) : null
    if (fast !== null) return fast
  }
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
    regionKnown: region === null ? null : isKnownRegion(regionNumber(region)),
    prefix15: null,
  }
}

// Ingest asks for absent IDs on most rows of some sources: one shared, frozen answer costs nothing.
const absent: NormalizedResidentId = Object.freeze(noId(null, 'missing', null))

// The check is computed inside the fast path's one scan, from the domain's own constants.
const weights = residentIdCheckWeights
const checkChars = residentIdCheckChars
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/**
 * The fast path, for the shape nearly every export writes: 17 ASCII digits and a digit or X (x).
 * Such text is its own cleaned form (bar the case of x), so status, check, date and sex come
 * straight from the char codes with no regex and no copy. Null for any other shape, and for one
 * digit repeated (a placeholder), which then take the general path through clean().
 */
function cleanId18(raw: string): NormalizedResidentId | null {
  let sum = 0
  let region = 0
  let sameDigits = true
  const first = raw.charCodeAt(0)
  for (let i = 0; i < 17; i++) {
    const code = raw.charCodeAt(i)
    const digit = code - 48
    if (digit < 0 || digit > 9) return null
    if (code !== first) sameDigits = false
    if (i < 6) region = region * 10 + digit
    sum += digit * (weights[i] as number)
  }
  let last = raw.charCodeAt(17)
  let norm = raw
  if (last === lowerX) {
    last = upperX
    norm = `${raw.slice(0, 17)}X`
  } else if (last !== upperX && (last < 48 || last > 57)) {
    return null
  }
  if (sameDigits && last === first) return null
  let status: ResidentIdStatus = 'valid'
  if (checkChars.charCodeAt(sum % 11) !== last) {
    const zeros = raw.charCodeAt(15) === 48 && raw.charCodeAt(16) === 48 && last === 48
    status = zeros ? 'excel_truncated' : 'bad_check_digit'
  }
  return {
    raw,
    norm,
    status,
    birthDate: birthDateAt(raw, 6),
    sex: status === 'excel_truncated' ? null : (raw.charCodeAt(16) & 1) === 1 ? 'male' : 'female',
    region: raw.slice(0, 6),
    regionKnown: isKnownRegion(region),
    prefix15: raw.slice(0, 15),
  }
}

/** The fast path for legacy numbers: 15 ASCII digits, not all one digit. Null for anything else. */
function cleanId15(raw: string): NormalizedResidentId | null {
  let sameDigits = true
  const first = raw.charCodeAt(0)
  for (let i = 0; i < 15; i++) {
    const code = raw.charCodeAt(i)
    if (code < 48 || code > 57) return null
    if (code !== first) sameDigits = false
  }
  return sameDigits ? null : fromId18(raw, upgradeResidentId15To18(raw), 'upgraded_from_15')
}

const lowerX = 120
const upperX = 88

/** YYYY-MM-DD for eight ASCII digits at `at` that name a real day in 1800–2199, else null. */
function birthDateAt(id: string, at: number): string | null {
  const year =
    (id.charCodeAt(at) - 48) * 1000 +
    (id.charCodeAt(at + 1) - 48) * 100 +
    (id.charCodeAt(at + 2) - 48) * 10 +
    (id.charCodeAt(at + 3) - 48)
  const month = (id.charCodeAt(at + 4) - 48) * 10 + (id.charCodeAt(at + 5) - 48)
  const day = (id.charCodeAt(at + 6) - 48) * 10 + (id.charCodeAt(at + 7) - 48)
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return null
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (month === 2 && leap ? 29 : (daysInMonth[month - 1] as number))) return null
  return `${yearText[year - 1800] as string}-${twoDigits[month] as string}-${twoDigits[day] as string}`
}

// Shared pieces of YYYY-MM-DD, so building a birth date concatenates three existing strings.
const yearText: readonly string[] = Array.from({ length: 400 }, (_, i) => String(1800 + i))
const twoDigits: readonly string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'))

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
    birthDate: birthDateAt(id18, 6),
    sex,
    region,
    regionKnown: isKnownRegion(regionNumber(id18)),
    prefix15: id18.slice(0, 15),
  }
}

function noId(raw: string | null, status: ResidentIdStatus, norm: string | null): NormalizedResidentId {
  return { raw, norm, status, birthDate: null, sex: null, region: null, regionKnown: null, prefix15: null }
}
