import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { residentIdStatuses } from '../../src/domain/normalized-values.js'
import { hasValidCheckChar, residentIdCheckChar } from '../../src/domain/resident-id.js'
import { normalizeResidentId } from '../../src/normalize/resident-id.js'

// Check characters below were worked out by hand (Σ digit × 2^(17−i) mod 11 → 1 0 X 9 8 7 6 5 4 3 2),
// independently of the code under test. 11010519491231002X is GB 11643's own example.
const standardExample = '11010519491231002X'
const zhengzhou = '41010519900307123X' // 金水区, born 1990-03-07, sequence 123 (odd: male)
const zhengzhouFemale = '410105199003071248' // sequence 124 (even: female)

const digits17 = fc.stringMatching(/^\d{17}$/)
const validId = digits17.map((body) => body + residentIdCheckChar(body))

describe('normalizeResidentId', () => {
  it.each([
    ['plain', zhengzhou, zhengzhou],
    ['lowercase x', '41010519900307123x', zhengzhou],
    ['multiplication sign', '41010519900307123×', zhengzhou],
    ['full-width digits and Ｘ', '４１０１０５１９９００３０７１２３Ｘ', zhengzhou],
    ['spaces, tabs, U+3000 and U+200B', ' 410105\t1990\u30000307\u200B123X ', zhengzhou],
    ["Excel's leading apostrophe", "'41010519900307123X", zhengzhou],
    ['Excel formula wrapper', '="41010519900307123X"', zhengzhou],
  ])('reads a valid ID written with %s', (_, raw, norm) => {
    const id = normalizeResidentId(raw)
    expect(id.status).toBe('valid')
    expect(id.norm).toBe(norm)
    expect(id.raw).toBe(raw)
  })

  it('reports the birth date, sex, region and 15-character prefix of a valid ID', () => {
    expect(normalizeResidentId(zhengzhou)).toEqual({
      raw: zhengzhou,
      norm: zhengzhou,
      status: 'valid',
      birthDate: '1990-03-07',
      sex: 'male',
      region: '410105',
      regionKnown: true,
      prefix15: '410105199003071',
    })
    expect(normalizeResidentId(zhengzhouFemale).sex).toBe('female')
    expect(normalizeResidentId(standardExample).birthDate).toBe('1949-12-31')
  })

  it('accepts the standard example of a person born in 1880', () => {
    const id = normalizeResidentId('440524188001010014')
    expect(id.status).toBe('valid')
    expect(id.birthDate).toBe('1880-01-01')
  })

  it('upgrades a 15-digit ID by inserting 19 and adding the check character', () => {
    const id = normalizeResidentId('110105491231002')
    expect(id.status).toBe('upgraded_from_15')
    expect(id.norm).toBe(standardExample)
    expect(id.birthDate).toBe('1949-12-31')
    expect(id.sex).toBe('female')
    expect(id.prefix15).toBe('110105194912310')
    expect(normalizeResidentId('410105900307123').norm).toBe(zhengzhou)
  })

  it('flags a wrong check character without correcting it', () => {
    const id = normalizeResidentId('410105199003071239')
    expect(id.status).toBe('bad_check_digit')
    expect(id.norm).toBe('410105199003071239')
    expect(id.birthDate).toBe('1990-03-07')
    expect(id.region).toBe('410105')
    expect(id.prefix15).toBe('410105199003071')
  })

  it('recognises an ID that Excel cut to 15 significant digits and keeps its intact part', () => {
    // 41010519900307100 has check character 2, so …1000 fails the check.
    const id = normalizeResidentId('410105199003071000')
    expect(id.status).toBe('excel_truncated')
    expect(id.norm).toBe('410105199003071000')
    expect(id.prefix15).toBe('410105199003071')
    expect(id.birthDate).toBe('1990-03-07')
    expect(id.region).toBe('410105')
    expect(id.sex).toBeNull()
  })

  it('calls an ID ending in 000 valid when its check character really is 0', () => {
    expect(normalizeResidentId('410105199003074000').status).toBe('valid')
  })

  it.each([
    ['blank', ''],
    ['spaces only', '  \u3000 '],
    ['无', '无'],
    ['a dash', '-'],
    ['NULL', 'null'],
    ['eighteen zeros', '000000000000000000'],
    ['eighteen ones', '111111111111111111'],
    ['fifteen zeros', '000000000000000'],
    ['a masked number', 'XXXXXXXXXXXXXXXXXX'],
  ])('treats %s as missing', (_, raw) => {
    const id = normalizeResidentId(raw)
    expect(id.status).toBe('missing')
    expect(id.norm).toBeNull()
    expect(id.raw).toBe(raw)
  })

  it('treats null and undefined as missing', () => {
    expect(normalizeResidentId(null)).toMatchObject({ raw: null, status: 'missing' })
    expect(normalizeResidentId(undefined)).toMatchObject({ raw: null, status: 'missing' })
  })

  it('keeps Excel scientific notation as malformed text with no region, since the mantissa is rounded', () => {
    const id = normalizeResidentId('4.10105e+17')
    expect(id.status).toBe('malformed')
    expect(id.norm).toBe('4.10105E+17')
    expect(id.region).toBeNull()
    expect(id.prefix15).toBeNull()
  })

  it.each([
    ['a dropped digit', '41010519900307123', '410105'],
    ['a doubled digit', '4101051990030712233', '410105'],
    ['a birth-certificate number', 'Q410012345', null],
    ['X in the middle', '4101051990X307123X', '410105'],
  ])('calls %s malformed, keeping the region when the first six are digits', (_, raw, region) => {
    const id = normalizeResidentId(raw)
    expect(id.status).toBe('malformed')
    expect(id.norm).toBe(raw)
    expect(id.region).toBe(region)
    expect(id.birthDate).toBeNull()
  })

  it('knows regions of abolished counties and never rejects an unknown one', () => {
    // 110103 崇文区 (merged 2010) and 320125 高淳县 no longer exist; 999999 never did.
    for (const region of ['110103', '320125']) {
      const body = `${region}19850615032`
      const id = normalizeResidentId(body + residentIdCheckChar(body))
      expect(id.regionKnown).toBe(true)
      expect(id.status).toBe('valid')
    }
    const unknown = normalizeResidentId('999999199003071234')
    expect(unknown.status).toBe('valid')
    expect(unknown.regionKnown).toBe(false)
  })

  it('gives no birth date when the date digits are not a real day', () => {
    // 41010519900230123 + check 2: February 30th.
    const id = normalizeResidentId('410105199002301232')
    expect(id.status).toBe('valid')
    expect(id.birthDate).toBeNull()
    expect(normalizeResidentId('410105200002290049').birthDate).toBe('2000-02-29')
  })

  test.prop([fc.stringMatching(/^\d{15}$/).filter((s) => !/^(\d)\1*$/.test(s))])(
    'upgrades every 15-digit number to an 18-character ID with a valid check character',
    (id15) => {
      const id = normalizeResidentId(id15)
      expect(id.status).toBe('upgraded_from_15')
      expect(hasValidCheckChar(id.norm ?? '')).toBe(true)
      expect(id.norm?.slice(0, 6)).toBe(id15.slice(0, 6))
      expect(id.norm?.slice(6, 8)).toBe('19')
      expect(id.norm?.slice(8, 17)).toBe(id15.slice(6))
    },
  )

  test.prop([validId, fc.nat(17), fc.nat(10)])(
    'detects any single changed character',
    (id, position, pick) => {
      const was = id[position] as string
      const choices = [...'0123456789X'].filter((c) => c !== was && (position === 17 || c !== 'X'))
      const changed =
        id.slice(0, position) + (choices[pick % choices.length] as string) + id.slice(position + 1)
      expect(normalizeResidentId(changed).status).not.toBe('valid')
    },
  )

  test.prop([validId, fc.nat(15)])('detects two swapped adjacent digits', (id, position) => {
    fc.pre(id[position] !== id[position + 1])
    const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2)
    expect(normalizeResidentId(swapped).status).not.toBe('valid')
  })

  test.prop([
    validId,
    fc.array(fc.tuple(fc.nat(18), fc.constantFrom(' ', '\t', '\u3000', '\u200B', '\u00A0'))),
    fc.boolean(),
    fc.constantFrom('', "'", '="'),
  ])(
    'normalizes full-width, spaced, wrapped and lowercase-x variants to the same ID',
    (id, spaces, wide, wrap) => {
      let variant = id.toLowerCase()
      if (wide) variant = variant.replace(/[0-9x]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      const chars = [...variant]
      for (const [at, space] of spaces) chars.splice(at % (chars.length + 1), 0, space)
      variant = wrap + chars.join('') + (wrap === '="' ? '"' : '')
      const id2 = normalizeResidentId(variant)
      expect(id2.norm).toBe(id)
      expect(id2.status).toBe(normalizeResidentId(id).status)
    },
  )

  // Any ID of the common shape takes the fast path; a leading space forces the general (cleaning) one.
  const anyDate = fc
    .date({ min: new Date(Date.UTC(1790, 0, 1)), max: new Date(Date.UTC(2210, 0, 1)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''))
  const shapedId = fc.oneof(
    validId,
    fc.stringMatching(/^\d{17}[\dX]$/),
    fc
      .tuple(fc.constantFrom('410105', '110103', '999999'), anyDate, fc.stringMatching(/^\d{3}$/))
      .map(([region, date, sequence]) => `${region}${date}${sequence}`)
      .chain((body) => fc.constantFrom(body + residentIdCheckChar(body), `${body}X`, `${body}0`)),
    fc.stringMatching(/^\d{15}000$/),
    fc.constantFrom(...'0123456789').map((d) => d.repeat(18)),
  )

  test.prop([shapedId])('reads a clean 18-character ID as the general path reads it', (id) => {
    expect(normalizeResidentId(id)).toEqual({ ...normalizeResidentId(` ${id}`), raw: id })
  })

  it('reads dates in an ID by the calendar, with leap years', () => {
    const withDate = (date: string) => {
      const body = `410105${date}123`
      return normalizeResidentId(body + residentIdCheckChar(body)).birthDate
    }
    expect(withDate('19000229')).toBeNull()
    expect(withDate('20000229')).toBe('2000-02-29')
    expect(withDate('19960229')).toBe('1996-02-29')
    expect(withDate('19970229')).toBeNull()
    expect(withDate('19971231')).toBe('1997-12-31')
    expect(withDate('19971301')).toBeNull()
    expect(withDate('17991231')).toBeNull()
    expect(withDate('21991231')).toBe('2199-12-31')
    expect(withDate('22000101')).toBeNull()
  })

  it('gives null input one shared answer that cannot be changed', () => {
    expect(normalizeResidentId(null)).toBe(normalizeResidentId(undefined))
    expect(Object.isFrozen(normalizeResidentId(null))).toBe(true)
  })

  test.prop([fc.string({ unit: 'binary' })])('never throws and always returns a known status', (raw) => {
    const id = normalizeResidentId(raw)
    expect(residentIdStatuses).toContain(id.status)
    if (id.status === 'valid' || id.status === 'upgraded_from_15')
      expect(hasValidCheckChar(id.norm ?? '')).toBe(true)
    if (id.status !== 'missing' && id.status !== 'malformed') expect(id.norm).toHaveLength(18)
  })
})
