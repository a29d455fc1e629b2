import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  adjacentTransposition,
  looksExcelTruncated,
  oneSubstitutionApart,
  type ResidentIdValue,
  sameBirthAndSequencePart,
  sameBirthAndSexPart,
  sameLegacyResidentId,
  samePrefixWhenTruncated,
  sameResidentId,
  toResidentIdValue,
} from '../../../src/match/comparators/resident-id.js'

const id = (text: string, truncated = false): ResidentIdValue => ({ id: text, truncated })
const predicates = [
  sameResidentId,
  sameLegacyResidentId,
  oneSubstitutionApart,
  adjacentTransposition,
  samePrefixWhenTruncated,
  sameBirthAndSexPart,
]
// Three digits only, so random pairs often share parts and every predicate gets exercised.
const value = fc
  .tuple(fc.array(fc.constantFrom('0', '1', '2'), { minLength: 18, maxLength: 18 }), fc.boolean())
  .map(([digits, truncated]) => id(digits.join(''), truncated))

describe('resident ID comparators', () => {
  it('builds a value only for statuses with a comparable 18-character norm', () => {
    expect(toResidentIdValue('41010519900307123X', 'valid')).toEqual(id('41010519900307123X'))
    expect(toResidentIdValue('410105199003071000', 'excel_truncated')).toEqual(id('410105199003071000', true))
    expect(toResidentIdValue('4101051990', 'malformed')).toBeNull()
    expect(toResidentIdValue(null, 'missing')).toBeNull()
  })

  it('sees a mistyped check character as the same legacy form', () => {
    expect(sameLegacyResidentId(id('41010519900307123X'), id('410105199003071231'))).toBe(true)
    expect(sameLegacyResidentId(id('41010519900307123X'), id('41010520900307123X'))).toBe(true)
    expect(sameLegacyResidentId(id('41010519900307123X'), id('41010519900307125X'))).toBe(false)
  })

  it('finds one substituted digit and one adjacent swap', () => {
    expect(oneSubstitutionApart(id('41010519900307123X'), id('41010519900307128X'))).toBe(true)
    expect(adjacentTransposition(id('41010519900307123X'), id('41010519900307213X'))).toBe(true)
    expect(oneSubstitutionApart(id('41010519900307123X'), id('41010519900307213X'))).toBe(false)
    expect(adjacentTransposition(id('41010519900307123X'), id('41010519900307312X'))).toBe(false)
  })

  it('matches an Excel-truncated ID on its 15 surviving digits only', () => {
    const truncated = id('410105199003071000', true)
    expect(samePrefixWhenTruncated(truncated, id('41010519900307123X'))).toBe(true)
    expect(samePrefixWhenTruncated(truncated, id('41010519900307223X'))).toBe(false)
    expect(sameResidentId(truncated, truncated)).toBe(false)
    expect(oneSubstitutionApart(truncated, id('410105199003071001'))).toBe(false)
  })

  it('puts same-day neighbours of one sex only on the birth-and-sex part', () => {
    const a = id('41010519900307123X') // sequence 123: male
    const neighbour = id('410105199003071256') // sequence 125: male, born the same day
    expect(sameBirthAndSexPart(a, neighbour)).toBe(true)
    for (const p of [sameResidentId, sameLegacyResidentId, oneSubstitutionApart, adjacentTransposition]) {
      expect(p(a, neighbour)).toBe(false)
    }
    expect(sameBirthAndSexPart(a, id('410105199003071248'))).toBe(false) // sequence 124: female
  })

  test.prop([value, value])('every predicate is symmetric', (a, b) => {
    for (const p of predicates) expect(p(a, b)).toBe(p(b, a))
  })

  test.prop([value])('an untruncated ID matches itself exactly', (a) => {
    expect(sameResidentId(a, a)).toBe(!a.truncated)
    expect(sameBirthAndSexPart(a, a)).toBe(true)
  })

  test.prop([value, value])('identical IDs satisfy every looser ID predicate', (a, b) => {
    if (sameResidentId(a, b)) {
      expect(oneSubstitutionApart(a, b) && adjacentTransposition(a, b) && sameLegacyResidentId(a, b)).toBe(
        true,
      )
    }
  })
})

describe('sameBirthAndSequencePart', () => {
  it('holds for one person under a re-coded region, not for two people born the same day', () => {
    expect(sameBirthAndSequencePart(id('41010519900307123X'), id('410181199003071236'))).toBe(true)
    expect(sameBirthAndSequencePart(id('41010519900307123X'), id('410105199003071256'))).toBe(false)
  })

  it('compares only what survives when one side lost its last digits to Excel', () => {
    const truncated = id('410181199003071000', true)
    expect(sameBirthAndSequencePart(id('41010519900307123X'), truncated)).toBe(true)
    expect(sameBirthAndSequencePart(id('410105199003072230'), truncated)).toBe(false)
  })
})

describe('an ID Excel truncated that still passes the check', () => {
  // 41010520160629700 + check 0: valid by MOD 11-2, yet its tail is Excel's 000.
  const truncatedButValid = toResidentIdValue('410105201606297000', 'valid')
  const whole = toResidentIdValue('410105201606297967', 'valid')

  it('is compared as truncated, on its 15 surviving digits', () => {
    expect(looksExcelTruncated('410105201606297000')).toBe(true)
    expect(looksExcelTruncated('410105201606297967')).toBe(false)
    expect(truncatedButValid?.truncated).toBe(true)
    if (truncatedButValid === null || whole === null) throw new Error('both IDs are comparable')
    expect(sameResidentId(truncatedButValid, whole)).toBe(false)
    expect(samePrefixWhenTruncated(truncatedButValid, whole)).toBe(true)
  })

  test.prop([fc.stringMatching(/^\d{15}$/)])(
    'any ID ending in 000 counts as truncated, whatever its status',
    (head) => {
      expect(toResidentIdValue(`${head}000`, 'valid')?.truncated).toBe(true)
      expect(toResidentIdValue(`${head}000`, 'bad_check_digit')?.truncated).toBe(true)
    },
  )
})
