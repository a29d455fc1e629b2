import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { exactMatch } from '../../../src/match/comparators/exact.js'

describe('exactMatch', () => {
  test.prop([fc.string(), fc.string()])('is symmetric and true exactly for equal strings', (a, b) => {
    expect(exactMatch(a, b)).toBe(exactMatch(b, a))
    expect(exactMatch(a, a)).toBe(true)
    expect(exactMatch(a, b)).toBe(a === b)
  })
})
