import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { dayNumber, dayParts } from '../../src/domain/day-number.js'

describe('day numbers', () => {
  it('counts days from 1970-01-01, across leap days and before the epoch', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0)
    expect(dayNumber(2000, 3, 1) - dayNumber(2000, 2, 28)).toBe(2) // 2000 is a leap year
    expect(dayNumber(1900, 3, 1) - dayNumber(1900, 2, 28)).toBe(1) // 1900 is not
    expect(dayNumber(1969, 12, 31)).toBe(-1)
  })

  test.prop([fc.date({ min: new Date('1800-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })])(
    'agrees with the calendar and round-trips',
    (date) => {
      const n = dayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
      expect(n).toBe(Math.floor(date.getTime() / 86_400_000))
      expect(dayParts(n)).toEqual({
        y: date.getUTCFullYear(),
        m: date.getUTCMonth() + 1,
        d: date.getUTCDate(),
      })
    },
  )
})
