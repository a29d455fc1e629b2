import type { DateStatus, NormalizedDate } from '../domain/normalized-values.js'

const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
const placeholderWords = new Set([
  '',
  '-',
  '--',
  '—',
  '/',
  '\\',
  '无',
  '暂无',
  '不详',
  '未知',
  'null',
  'none',
  'n/a',
])
// Year, month, day with one separator style each: 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日(号).
const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(.*)$/s
const compact = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s]+(.*)$)/s
// 14:23, 14:23:00.000, 14时23分(05秒), 14点23分, 14时; an ISO zone suffix is ignored: the wall time is kept.
const clock =
  /^[T\s]*(\d{1,2})(?:[:：](\d{1,2})(?:[:：](\d{1,2})(?:\.\d+)?)?|[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?)(?:Z|[+-]\d{2}:?\d{2})?\s*$/
// Strings of five digits are Excel serials that lost their cell format on the way to CSV.
const serialText = /^\d{5}(?:\.\d+)?$/
const firstSerial = 1
const lastSerial = 80_000 // 2119-01-11: later serials are not dates of living people or their records
const excelEpochUtc = Date.UTC(1899, 11, 30)

/**
 * Reads a date cell from any export, never throwing.
 *
 * Accepted: `1990-01-02`, `1990/1/2`, `1990.1.2`, `1990年1月2日`, `19900102`, full-width digits,
 * any of these followed by a time (`2024-03-05 14:23:00`, `2024-03-05T14:23`, `2024年3月5日14时23分`),
 * Excel 1900-system serials 1–80000 as numbers or five-digit strings (fractions give the time),
 * eight-digit numbers read as YYYYMMDD, and JS Dates (their UTC parts, as XLSX readers produce).
 *
 * Statuses:
 * - `valid`: `norm` is YYYY-MM-DD in 1800–2199; `time` is HH:MM:SS when the value had a time
 *   (a Date or serial at exactly midnight counts as no time: a date-only cell cannot be told apart).
 * - `missing`: null, blank, a placeholder word, all zeros (`00000000`, `0000-00-00`, serial 0)
 *   and `1900-01-01` (the default many systems write for "unknown").
 * - `impossible`: the shape of a date, but no such day or time: `1990-02-30`, month 13,
 *   `1990-00-00` (only the year known), a year outside 1800–2199, `25:00`, Excel serial 60
 *   (the 1900-02-29 that Excel invents) and invalid Date objects.
 * - `unparsed`: anything else, including year-month `1990.01` (no day to give without inventing one),
 *   six-digit `900102` (the century is unknown), day-first `02/01/1990` (ambiguous) and serials out of range.
 */
export function normalizeDate(raw: string | number | Date | null | undefined): NormalizedDate {
  if (raw === null || raw === undefined) return absent
  if (typeof raw === 'string') return fromText(raw)
  if (raw instanceof Date) return fromDate(raw)
  if (typeof raw === 'number') return fromNumber(raw)
  return fromText(String(raw))
}

// Ingest asks for absent dates on most rows: one shared, frozen answer costs nothing.
const absent: NormalizedDate = Object.freeze(result(null, 'missing'))
const blank: NormalizedDate = Object.freeze(result('', 'missing'))

function fromDate(value: Date): NormalizedDate {
  const ms = value.getTime()
  if (Number.isNaN(ms)) return result('Invalid Date', 'impossible')
  return fromEpochMs(value.toISOString(), ms)
}

function fromNumber(value: number): NormalizedDate {
  const raw = String(value)
  if (!Number.isFinite(value)) return result(raw, 'unparsed')
  if (value === 0) return result(raw, 'missing')
  // Spreadsheet readers and CSV parsers with type detection turn 19900102 into a number.
  if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return fromText(raw, raw)
  return fromSerial(raw, value)
}

function fromSerial(raw: string, serial: number): NormalizedDate {
  if (serial < firstSerial || serial >= lastSerial + 1) return result(raw, 'unparsed')
  if (Math.floor(serial) === 60) return result(raw, 'impossible')
  // Excel counts 1900-02-29 as a day, so serials before it are one day later than the epoch suggests.
  const days = serial < 60 ? serial + 1 : serial
  // Rounded to the second: a serial's fraction carries binary noise well below that.
  return fromEpochMs(raw, excelEpochUtc + Math.round(days * 86_400) * 1000)
}

function fromEpochMs(raw: string, ms: number): NormalizedDate {
  const at = new Date(ms)
  const year = at.getUTCFullYear()
  if (year < 1800 || year > 2199) return result(raw, 'impossible')
  const date = `${year}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
  if (date === '1900-01-01') return result(raw, 'missing')
  const secondOfDay = Math.floor((ms - Date.UTC(year, at.getUTCMonth(), at.getUTCDate())) / 1000)
  const time = secondOfDay === 0 ? null : clockText(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds())
  return { raw, norm: date, time, status: 'valid' }
}

function fromText(raw: string, text: string = raw): NormalizedDate {
  if (text === '') return raw === '' ? blank : result(raw, 'missing')
  const quick = plainDate(raw, text)
  if (quick !== undefined) return quick
  const s = text.normalize('NFKC').replace(invisible, '').trim()
  if (placeholderWords.has(s.toLowerCase()) || /^[0\-/.年月日\s:]+$/.test(s)) return result(raw, 'missing')
  if (serialText.test(s)) return fromSerial(raw, Number(s))
  const parts = separated.exec(s) ?? compact.exec(s)
  if (!parts) return result(raw, 'unparsed')
  const [, y, m, d, rest] = parts
  const time = parseClock(rest ?? '')
  if (time === undefined) return result(raw, 'unparsed')
  const year = Number(y)
  const month = Number(m)
  const day = Number(d)
  if (year === 1900 && month === 1 && day === 1) return result(raw, 'missing')
  if (time === 'invalid' || !isCalendarDay(year, month, day)) return result(raw, 'impossible')
  return { raw, norm: `${y}-${pad(month)}-${pad(day)}`, time, status: 'valid' }
}

const zero = 48
const nine = 57
const dash = 45
const slash = 47
const dot = 46
const nian = 0x5e74 // 年
const yue = 0x6708 // 月
const ri = 0x65e5 // 日
const hao = 0x53f7 // 号

/**
 * The fast path for the shapes nearly every export writes, read from char codes without NFKC, regex
 * or Date: YYYYMMDD, and YYYY, a separator, 1–2 digits, a separator, 1–2 digits and an optional 日/号
 * (1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日). The separators are those `separated` accepts,
 * in the same places. These characters are NFKC-stable and not whitespace, so the general path
 * would see the same text; undefined sends anything else (and all-zero placeholders) there.
 */
function plainDate(raw: string, text: string): NormalizedDate | undefined {
  const length = text.length
  if (length < 8 || length > 11) return undefined
  let year = 0
  for (let i = 0; i < 4; i++) {
    const code = text.charCodeAt(i)
    if (code < zero || code > nine) return undefined
    year = year * 10 + code - zero
  }
  let month: number
  let day: number
  const fifth = text.charCodeAt(4)
  if (fifth >= zero && fifth <= nine) {
    if (length !== 8) return undefined
    const m2 = text.charCodeAt(5)
    const d1 = text.charCodeAt(6)
    const d2 = text.charCodeAt(7)
    if (m2 < zero || m2 > nine || d1 < zero || d1 > nine || d2 < zero || d2 > nine) return undefined
    month = (fifth - zero) * 10 + m2 - zero
    day = (d1 - zero) * 10 + d2 - zero
  } else {
    if (fifth !== dash && fifth !== slash && fifth !== dot && fifth !== nian) return undefined
    let i = 5
    month = 0
    for (const end = i + 2; i < end; i++) {
      const code = text.charCodeAt(i)
      if (code < zero || code > nine) break
      month = month * 10 + code - zero
    }
    if (i === 5) return undefined
    const separator = text.charCodeAt(i++)
    if (separator !== dash && separator !== slash && separator !== dot && separator !== yue) return undefined
    const dayStart = i
    day = 0
    for (const end = i + 2; i < end; i++) {
      const code = text.charCodeAt(i)
      if (code < zero || code > nine) break
      day = day * 10 + code - zero
    }
    if (i === dayStart) return undefined
    if (i < length) {
      const suffix = text.charCodeAt(i++)
      if (suffix !== ri && suffix !== hao) return undefined
    }
    if (i !== length) return undefined
  }
  // 00000000 and 0000-00-00 are placeholders, but 0000年00月00号 is not: leave zeros to the general path.
  if (year === 0 && month === 0 && day === 0) return undefined
  if (year === 1900 && month === 1 && day === 1) return result(raw, 'missing')
  if (!isCalendarDay(year, month, day)) return result(raw, 'impossible')
  const norm = `${yearText[year - 1800] as string}-${twoDigits[month] as string}-${twoDigits[day] as string}`
  return { raw, norm, time: null, status: 'valid' }
}

// Shared pieces of YYYY-MM-DD, so building a date concatenates three existing strings.
const yearText: readonly string[] = Array.from({ length: 400 }, (_, i) => String(1800 + i))
const twoDigits: readonly string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'))

/** null for no time, HH:MM:SS for a valid one, 'invalid' for a clock that does not exist, undefined for noise. */
function parseClock(rest: string): string | null | 'invalid' | undefined {
  if (rest.trim() === '') return null
  const parts = clock.exec(rest)
  if (!parts) return undefined
  const hour = Number(parts[1])
  const minute = Number(parts[2] ?? parts[4] ?? 0)
  const second = Number(parts[3] ?? parts[5] ?? 0)
  if (hour > 23 || minute > 59 || second > 59) return 'invalid'
  return clockText(hour, minute, second)
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : (daysInMonth[month - 1] as number))
}

function clockText(hour: number, minute: number, second: number): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function result(raw: string | null, status: DateStatus): NormalizedDate {
  return { raw, norm: null, time: null, status }
}
