/**
 * Calendar days as integers: day 0 is 1970-01-01 (negative before). The simulation keeps every
 * date as a day number; only the writers turn them into text. Pure arithmetic (Hinnant's
 * civil-from-days), no Date objects, so it is fast enough for millions of dates.
 */
export interface DayParts {
  readonly y: number
  readonly m: number
  readonly d: number
}

/** Day number of a proleptic Gregorian date (month 1–12). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The calendar date of a day number. */
export function dayParts(day: number): DayParts {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d }
}

/** Whole years between a birth day and a later day (age on that day). */
export function ageOn(birth: number, day: number): number {
  const b = dayParts(birth)
  const t = dayParts(day)
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0)
}
