import { describe, expect, it } from 'vitest'
import { comparisonLevel, defineComparison, nullLevel } from '../../src/match/comparison.js'

const length = defineComparison<string>({
  name: 'code',
  fields: ['code'],
  prepare: (r) => r.code ?? null,
  levels: [
    { label: 'exact', code: 'exact', matches: (a, b) => a === b },
    { label: 'same length', code: 'len', matches: (a, b) => a.length === b.length },
  ],
})

describe('comparisonLevel', () => {
  it('appends else and counts levels so that else is 0 and the best is highest', () => {
    expect(length.levels.map((l) => l.code)).toEqual(['exact', 'len', 'else'])
    expect(comparisonLevel(length, 'ab', 'ab')).toBe(2)
    expect(comparisonLevel(length, 'ab', 'cd')).toBe(1)
    expect(comparisonLevel(length, 'ab', 'cde')).toBe(0)
  })

  it('gives -1 when either side is null', () => {
    expect(comparisonLevel(length, null, 'ab')).toBe(nullLevel)
    expect(comparisonLevel(length, 'ab', null)).toBe(-1)
    expect(comparisonLevel(length, null, null)).toBe(-1)
  })

  it('refuses more levels than a pattern key can hold', () => {
    const levels = Array.from({ length: 15 }, (_, i) => ({
      label: `l${i}`,
      code: `l${i}`,
      matches: () => false,
    }))
    expect(() => defineComparison({ name: 'big', fields: [], prepare: () => null, levels })).toThrow(
      RangeError,
    )
  })
})
