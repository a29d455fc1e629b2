import { fc, test } from '@fast-check/vitest'
import levenshtein from 'fast-levenshtein'
import { describe, expect, it } from 'vitest'
import { boundedEditDistance } from '../../src/match/bounded-edit-distance.js'

describe('boundedEditDistance', () => {
  it.each([
    ['smith', 'smyth', 2, 1], // one substitution
    ['smith', 'smiht', 2, 2], // a transposition is two edits
    ['stanley street', 'stanley st', 3, 4], // four deletions: over the bound of 3
    ['19151111', '19151121', 1, 1],
    ['', 'abc', 5, 3],
    ['abc', '', 1, 2],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3],
    ['same', 'same', 0, 0],
  ])('%j ↔ %j within %i: %i', (a, b, bound, expected) => {
    expect(boundedEditDistance(a, b, bound)).toBe(expected)
  })

  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 })
  test.prop([text, text, fc.integer({ min: 0, max: 5 })])(
    'equals fast-levenshtein capped at bound + 1',
    (a, b, bound) => {
      expect(boundedEditDistance(a, b, bound)).toBe(Math.min(levenshtein.get(a, b), bound + 1))
    },
  )

  // Past 32 units after the common ends are dropped, the band takes over from the bit vectors.
  const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 25, maxLength: 45 })
  test.prop([long, long, fc.integer({ min: 0, max: 8 })])(
    'equals fast-levenshtein on values longer than 32 units too',
    (a, b, bound) => {
      expect(boundedEditDistance(a, b, bound)).toBe(Math.min(levenshtein.get(a, b), bound + 1))
    },
  )

  test.prop([text, text, fc.integer({ min: 0, max: 5 })])('is symmetric', (a, b, bound) => {
    expect(boundedEditDistance(a, b, bound)).toBe(boundedEditDistance(b, a, bound))
  })
})
