import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { realDate } from '../../src/store/reconcile-input.repository.js'

/** The calendar as the JavaScript Date knows it: the oracle the arithmetic must agree with. */
function realDateByDate(yyyymmdd: string): string | null {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
  const t = Date.parse(`${iso}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null
}

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })

describe('realDate: the birth date in an ID’s digits', () => {
  it('agrees with Date on any eight digits', () => {
    fc.assert(
      fc.property(digits(8), (s) => {
        expect(realDate(s)).toBe(realDateByDate(s))
      }),
      { numRuns: 5000 },
    )
  })

  it('agrees with Date on plausible dates, month ends and leap days included', () => {
    const date = fc
      .tuple(
        fc.integer({ min: 1800, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`)
    fc.assert(
      fc.property(date, (s) => {
        expect(realDate(s)).toBe(realDateByDate(s))
      }),
      { numRuns: 20000 },
    )
  })

  it('reads century leap years as the Gregorian calendar does', () => {
    expect(realDate('20000229')).toBe('2000-02-29')
    expect(realDate('19000229')).toBeNull()
    expect(realDate('19960229')).toBe('1996-02-29')
    expect(realDate('19970229')).toBeNull()
    expect(realDate('19900431')).toBeNull()
  })

  it('refuses what is not eight digits (a truncated or lettered number)', () => {
    expect(realDate('1990123')).toBeNull()
    expect(realDate('1990X231')).toBeNull()
    expect(realDate('')).toBeNull()
  })
})
