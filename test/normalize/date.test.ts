import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { dateStatuses } from '../../src/domain/normalized-values.js'
import { normalizeDate } from '../../src/normalize/date.js'

const wide = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

describe('normalizeDate', () => {
  it.each([
    ['1990-01-02', '1990-01-02', null],
    ['1990/1/2', '1990-01-02', null],
    ['19900102', '1990-01-02', null],
    ['1990年1月2日', '1990-01-02', null],
    ['1990年01月02日', '1990-01-02', null],
    ['1990年1月2号', '1990-01-02', null],
    ['1990.1.2', '1990-01-02', null],
    ['１９９０年１月２日', '1990-01-02', null],
    [' 1990-01-02 ', '1990-01-02', null],
    ['2024-03-05 14:23:00', '2024-03-05', '14:23:00'],
    ['2024-03-05T14:23', '2024-03-05', '14:23:00'],
    ['2024-03-05T14:23:07.120Z', '2024-03-05', '14:23:07'],
    ['2024年3月5日14时23分', '2024-03-05', '14:23:00'],
    ['2024年3月5日 14时23分05秒', '2024-03-05', '14:23:05'],
    ['2024-03-05 00:00:00', '2024-03-05', '00:00:00'],
    ['2000-02-29', '2000-02-29', null],
    ['44927', '2023-01-01', null], // Excel serial as text
  ])('reads %j as %s', (raw, norm, time) => {
    expect(normalizeDate(raw)).toEqual({ raw, norm, time, status: 'valid' })
  })

  it.each([
    [44927, '2023-01-01', null],
    [25569, '1970-01-01', null],
    [45000.5, '2023-03-15', '12:00:00'],
    [61, '1900-03-01', null],
    [59, '1900-02-28', null],
    [2, '1900-01-02', null],
    [19900102, '1990-01-02', null], // a YYYYMMDD cell typed as a number
  ])('reads the number %d as %s', (raw, norm, time) => {
    expect(normalizeDate(raw)).toEqual({ raw: String(raw), norm, time, status: 'valid' })
  })

  it('reads a Date by its UTC parts, with a time only when it is not midnight', () => {
    expect(normalizeDate(new Date(Date.UTC(1990, 0, 2)))).toMatchObject({ norm: '1990-01-02', time: null })
    expect(normalizeDate(new Date(Date.UTC(2024, 2, 5, 14, 23)))).toMatchObject({
      norm: '2024-03-05',
      time: '14:23:00',
      status: 'valid',
    })
  })

  it.each([
    ['1990-02-30'],
    ['1990-13-01'],
    ['1900-02-29'],
    ['2023-02-29'],
    ['1990-00-00'],
    ['1990-01-00'],
    ['19901301'],
    ['2024-03-05 25:00'],
    ['2024-03-05 14:60'],
    ['1090-01-02'],
  ])('calls %j impossible', (raw) => {
    expect(normalizeDate(raw)).toEqual({ raw, norm: null, time: null, status: 'impossible' })
  })

  it('calls Excel serial 60 (the invented 1900-02-29) and an invalid Date impossible', () => {
    expect(normalizeDate(60).status).toBe('impossible')
    expect(normalizeDate(new Date(Number.NaN)).status).toBe('impossible')
  })

  it.each([
    [''],
    ['  '],
    ['-'],
    ['无'],
    ['不详'],
    ['00000000'],
    ['0000-00-00'],
    ['19000101'],
    ['1900-01-01'],
  ])('calls %j missing', (raw) => {
    expect(normalizeDate(raw)).toEqual({ raw, norm: null, time: null, status: 'missing' })
  })

  it('calls null, undefined and serial 0 missing', () => {
    expect(normalizeDate(null)).toMatchObject({ raw: null, status: 'missing' })
    expect(normalizeDate(undefined)).toMatchObject({ raw: null, status: 'missing' })
    expect(normalizeDate(0).status).toBe('missing')
    expect(normalizeDate(1).status).toBe('missing') // serial 1 is 1900-01-01, the placeholder
  })

  it.each([
    ['1990.01'], // year and month only
    ['1990年1月'],
    ['900102'], // YYMMDD: no century
    ['02/01/1990'], // day-first or month-first: ambiguous
    ['1990'],
    ['yesterday'],
    ['1990-01-02 noon'],
    ['90000'], // a serial past 2119
  ])('leaves %j unparsed', (raw) => {
    expect(normalizeDate(raw)).toEqual({ raw, norm: null, time: null, status: 'unparsed' })
  })

  it('leaves non-finite and negative numbers unparsed', () => {
    expect(normalizeDate(Number.NaN).status).toBe('unparsed')
    expect(normalizeDate(Number.POSITIVE_INFINITY).status).toBe('unparsed')
    expect(normalizeDate(-5).status).toBe('unparsed')
  })

  const day = fc
    .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2119, 0, 1)), noInvalidDate: true })
    .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())))

  test.prop([day])('round-trips a date through every written form, a Date and an Excel serial', (d) => {
    const y = String(d.getUTCFullYear())
    const m = d.getUTCMonth() + 1
    const dd = d.getUTCDate()
    const mm = String(m).padStart(2, '0')
    const ddd = String(dd).padStart(2, '0')
    const iso = `${y}-${mm}-${ddd}`
    const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000
    const forms: (string | number | Date)[] = [
      iso,
      `${y}/${m}/${dd}`,
      `${y}${mm}${ddd}`,
      `${y}年${m}月${dd}日`,
      `${y}.${m}.${dd}`,
      wide(`${y}年${m}月${dd}日`),
      `${iso} 08:30:00`,
      `${iso}T08:30`,
      d,
      serial,
    ]
    for (const form of forms) {
      const date = normalizeDate(form)
      expect(date.status).toBe('valid')
      expect(date.norm).toBe(iso)
    }
  })

  test.prop([fc.nat(23), fc.nat(59), fc.nat(59)])(
    'keeps the time of day a serial fraction encodes',
    (h, m, s) => {
      const serial = 44927 + (h * 3600 + m * 60 + s) / 86_400
      const time = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':')
      expect(normalizeDate(serial).time).toBe(h + m + s === 0 ? null : time)
    },
  )

  // The common shapes take the fast path; a leading space forces the general (NFKC and regex) one.
  const shapedDate = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 0, max: 2300 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('-', '/', '.', '年', '月', '日', ':', 'x'),
        fc.constantFrom('-', '/', '.', '年', '月', '日', ':', 'x'),
        fc.constantFrom('', '日', '号', '号 ', 'T', ' 08:30', '0'),
      )
      .map(
        ([y, m, d, padM, padD, sep1, sep2, end]) =>
          String(y).padStart(4, '0') +
          sep1 +
          String(m).padStart(padM ? 2 : 1, '0') +
          sep2 +
          String(d).padStart(padD ? 2 : 1, '0') +
          end,
      ),
    fc.stringMatching(/^\d{8,9}$/),
    fc.constantFrom('19000101', '1900-01-01', '1900年1月1号', '00000000', '0000-00-00', '0000年00月00号'),
  )

  test.prop([shapedDate])('reads a common date shape as the general path reads it', (raw) => {
    expect(normalizeDate(raw)).toEqual({ ...normalizeDate(` ${raw}`), raw })
  })

  it.each([
    ['2000-02-29', 'valid'],
    ['2004/2/29', 'valid'],
    ['1900年2月29日', 'impossible'],
    ['21000229', 'impossible'],
    ['2023-04-31', 'impossible'],
    ['2023-12-31', 'valid'],
    ['1799-12-31', 'impossible'],
    ['2199-12-31', 'valid'],
    ['2200-01-01', 'impossible'],
    ['1990-1-1日', 'valid'], // the day word is optional, and any separator may stand in either place
    ['1990年1-1', 'valid'],
  ])('checks %j against the calendar: %s', (raw, status) => {
    expect(normalizeDate(raw).status).toBe(status)
  })

  it('gives null input one shared answer that cannot be changed', () => {
    expect(normalizeDate(null)).toBe(normalizeDate(undefined))
    expect(Object.isFrozen(normalizeDate(null))).toBe(true)
  })

  test.prop([fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.date({ noInvalidDate: false }))])(
    'never throws and a valid date always has a YYYY-MM-DD norm',
    (raw) => {
      const date = normalizeDate(raw)
      expect(dateStatuses).toContain(date.status)
      if (date.status === 'valid') expect(date.norm).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      else expect(date.norm).toBeNull()
    },
  )
})
