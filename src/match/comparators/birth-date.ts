import { dayNumber as dayNumberOf } from '../../domain/day-number.js'

// Dates are the normalizer's `YYYY-MM-DD`: year at 0–3, month at 5–6, day at 8–9.

/** Identical dates. */
export function sameDate(a: string, b: string): boolean {
  return a === b
}

/**
 * Same year with month and day swapped (1990-03-07 / 1990-07-03), the hand-entry error of
 * DOMAIN.md. Also true for equal dates whose month equals their day.
 */
export function dayMonthSwapped(a: string, b: string): boolean {
  if (a.length !== 10 || b.length !== 10) return false
  for (let i = 0; i < 4; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false
  return (
    a.charCodeAt(5) === b.charCodeAt(8) &&
    a.charCodeAt(6) === b.charCodeAt(9) &&
    a.charCodeAt(8) === b.charCodeAt(5) &&
    a.charCodeAt(9) === b.charCodeAt(6)
  )
}

/** Same length and at most one character differs (a one-digit typo: 1990-03-07 / 1990-08-07). */
export function withinOneDigit(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let differences = 0
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i) && ++differences > 1) return false
  }
  return true
}

/** Same year and month (the first seven characters). */
export function sameYearMonth(a: string, b: string): boolean {
  if (a.length < 7 || b.length < 7) return false
  for (let i = 0; i < 7; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false
  return true
}

/**
 * A predicate: the two dates lie at most `days` calendar days apart (proleptic Gregorian).
 * Text that is not `YYYY-MM-DD` never matches.
 * @example withinDays(31)('1990-01-20', '1990-02-15') // true: 26 days
 */
export function withinDays(days: number): (a: string, b: string) => boolean {
  return (a, b) => Math.abs(dayNumber(a) - dayNumber(b)) <= days
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date, NaN when the text is not of that shape (Howard
 * Hinnant's days_from_civil: no Date object, no time zone).
 */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN
  const y0 = digits(date, 0, 4)
  const m = digits(date, 5, 7)
  const d = digits(date, 8, 10)
  return dayNumberOf(y0, m, d)
}

function digits(text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return value
}
