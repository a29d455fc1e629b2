import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  dayMonthSwapped,
  dayNumber,
  sameDate,
  sameYearMonth,
  withinDays,
  withinOneDigit,
} from '../../../src/match/comparators/birth-date.js'

const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const predicates = [sameDate, dayMonthSwapped, withinOneDigit, sameYearMonth, withinDays(31)]

describe('birth date comparators', () => {
  it.each([
    ['1990-03-07', '1990-07-03', dayMonthSwapped, true],
    ['1990-03-07', '1991-07-03', dayMonthSwapped, false],
    ['1990-03-07', '1990-03-08', withinOneDigit, true],
    ['1990-03-07', '1990-08-07', withinOneDigit, true],
    ['1990-03-07', '1990-08-08', withinOneDigit, false],
    ['1990-03-07', '1990-03-19', sameYearMonth, true],
    ['1990-03-07', '1990-04-07', sameYearMonth, false],
  ])('%s / %s → %s is %s', (a, b, p, expected) => {
    expect(p(a, b)).toBe(expected)
  })

  it('counts calendar days across months, leap days and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2)
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1)
    expect(withinDays(31)('1990-01-20', '1990-02-15')).toBe(true)
    expect(withinDays(31)('1990-01-20', '1990-02-21')).toBe(false)
    expect(withinDays(365)('1990-01-20', 'not a date')).toBe(false)
  })

  test.prop([date])('agrees with Date.UTC on every date', (d) => {
    expect(dayNumber(d)).toBe(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000)
  })

  test.prop([date, date])('every predicate is symmetric', (a, b) => {
    for (const p of predicates) expect(p(a, b)).toBe(p(b, a))
  })

  test.prop([date, date, fc.integer({ min: 0, max: 400 })])(
    'within n days implies within n + 1',
    (a, b, n) => {
      if (withinDays(n)(a, b)) expect(withinDays(n + 1)(a, b)).toBe(true)
    },
  )

  test.prop([date])('a date matches itself on every level', (a) => {
    expect(sameDate(a, a) && withinOneDigit(a, a) && sameYearMonth(a, a) && withinDays(0)(a, a)).toBe(true)
  })
})
