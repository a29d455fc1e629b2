import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type AttributeComparisonSpec,
  type AttributeLevel,
  attributeComparison,
  samePrefix,
} from '../../src/match/attribute-comparison.js'
import { comparisonLevel, nullLevel } from '../../src/match/comparison.js'

const spec = (levels: AttributeLevel[], termFrequency = false): AttributeComparisonSpec => ({
  name: 'surname',
  attribute: 'surname',
  levels,
  termFrequency,
})
const nameLevels: AttributeLevel[] = [
  { kind: 'exact' },
  { kind: 'levenshtein', max: 1 },
  { kind: 'levenshtein', max: 2 },
]
const surname = attributeComparison(spec(nameLevels))
const levelOf = (a: string | null, b: string | null) =>
  comparisonLevel(surname, surname.prepare({ 'attr.surname': a }), surname.prepare({ 'attr.surname': b }))

describe('attributeComparison', () => {
  it('reads attr.<attribute> and appends else', () => {
    expect(surname.fields).toEqual(['attr.surname'])
    expect(surname.levels.map((l) => l.code)).toEqual(['exact', 'lev1', 'lev2', 'else'])
  })

  it.each([
    ['smith', 'smith', 3], // exact
    ['smith', 'smyth', 2], // one substitution
    ['smith', 'smiht', 1], // a transposition is two edits
    ['smith', 'jones', 0], // five edits: else
    ['smith', 'smithers', 0], // three insertions: else
  ])('%s ↔ %s is level %i', (a, b, level) => {
    expect(levelOf(a, b)).toBe(level)
  })

  it('gives the null level when either value is missing or empty', () => {
    expect(levelOf(null, 'smith')).toBe(nullLevel)
    expect(levelOf('', 'smith')).toBe(nullLevel)
  })

  it('scores dates by days, swapped day and month, and prefix', () => {
    const dob = attributeComparison({
      name: 'dob',
      attribute: 'dob',
      termFrequency: false,
      levels: [
        { kind: 'exact' },
        { kind: 'dayMonthSwapped' },
        { kind: 'withinDays', days: 31 },
        { kind: 'prefix', length: 4 },
      ],
    })
    const level = (a: string, b: string) => comparisonLevel(dob, a, b)
    expect(level('1990-03-07', '1990-03-07')).toBe(4)
    expect(level('1990-03-07', '1990-07-03')).toBe(3)
    expect(level('1990-01-20', '1990-02-15')).toBe(2) // 26 days
    expect(level('1990-01-20', '1990-12-15')).toBe(1) // same year
    expect(level('1990-01-20', '1991-01-20')).toBe(0)
  })

  it('puts the term-frequency level on exact, counted from else', () => {
    expect(attributeComparison(spec(nameLevels, true)).termFrequency?.level).toBe(3)
    const late = attributeComparison(spec([{ kind: 'levenshtein', max: 1 }, { kind: 'exact' }], true))
    expect(late.termFrequency?.level).toBe(1)
    expect(() => attributeComparison(spec([{ kind: 'levenshtein', max: 1 }], true))).toThrow(/exact level/)
  })

  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minLength: 1, maxLength: 10 })
  test.prop([word, word])('is symmetric', (a, b) => {
    expect(levelOf(a, b)).toBe(levelOf(b, a))
  })
  test.prop([word])('puts a value at the top level with itself', (a) => {
    expect(levelOf(a, a)).toBe(3)
  })
  test.prop([word, word])('is monotone: within 1 edit is within 2', (a, b) => {
    const one = attributeComparison(spec([{ kind: 'levenshtein', max: 1 }]))
    const two = attributeComparison(spec([{ kind: 'levenshtein', max: 2 }]))
    if (comparisonLevel(one, a, b) === 1) expect(comparisonLevel(two, a, b)).toBe(1)
  })
  test.prop([word, word, word])('does not carry a distance from one pair to the next', (a, b, c) => {
    // The distance is remembered for the last pair: scoring (a, b) then (a, c) must equal a fresh (a, c).
    levelOf(a, b)
    expect(levelOf(a, c)).toBe(comparisonLevel(attributeComparison(spec(nameLevels)), a, c))
  })
})

describe('samePrefix', () => {
  it('needs both values at least as long as the prefix', () => {
    expect(samePrefix(7)('1990-03-07', '1990-03-21')).toBe(true)
    expect(samePrefix(7)('1990-03', '1990-03-21')).toBe(true)
    expect(samePrefix(7)('1990-0', '1990-03-21')).toBe(false)
    expect(samePrefix(4)('2000', '2001')).toBe(false)
  })
})
