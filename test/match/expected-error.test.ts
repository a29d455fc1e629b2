import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { expectedError } from '../../src/match/expected-error.js'

describe('expectedError', () => {
  it('sums probabilities per band with the accept/review rule of linkRecords', () => {
    // accept ≥ 0.9: 0.99, 0.9 · review ≥ 0.5: 0.6, 0.5 · rejected: 0.2, 0
    const e = expectedError([0.99, 0.6, 0.2, 0.9, 0.5, 0], { accept: 0.9, review: 0.5 }, [])
    expect(e.accepted.pairs).toBe(2)
    expect(e.accepted.expectedTrue).toBeCloseTo(1.89, 12)
    expect(e.accepted.expectedFalse).toBeCloseTo(0.11, 12)
    expect(e.review.pairs).toBe(2)
    expect(e.review.expectedTrue).toBeCloseTo(1.1, 12)
    expect(e.review.expectedFalse).toBeCloseTo(0.9, 12)
    expect(e.rejected.pairs).toBe(2)
    expect(e.rejected.expectedTrue).toBeCloseTo(0.2, 12)
    expect(e.rejected.expectedFalse).toBeCloseTo(1.8, 12)
  })

  it('reports each cutoff and both thresholds, ascending, with the links it would leave out', () => {
    const e = expectedError([0.99, 0.6, 0.2], { accept: 0.9, review: 0.5 }, [0.95, 0.5])
    expect(e.cutoffs.map((c) => c.cutoff)).toEqual([0.5, 0.9, 0.95])
    const at95 = e.cutoffs[2]!
    expect(at95.accepted).toBe(1)
    expect(at95.expectedFalse).toBeCloseTo(0.01, 12)
    expect(at95.expectedMissed).toBeCloseTo(0.8, 12)
    const at50 = e.cutoffs[0]!
    expect(at50.accepted).toBe(2)
    expect(at50.expectedFalse).toBeCloseTo(0.41, 12)
    expect(at50.expectedMissed).toBeCloseTo(0.2, 12)
  })

  it('is all zeros without pairs', () => {
    const e = expectedError([], { accept: 0.95, review: 0.5 })
    expect(e.accepted).toEqual({ pairs: 0, expectedTrue: 0, expectedFalse: 0 })
    expect(e.cutoffs.every((c) => c.accepted === 0 && c.expectedMissed === 0)).toBe(true)
  })
})

const probabilities = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 200 })

describe('expectedError, for any probabilities', () => {
  test.prop([probabilities])(
    'splits every pair into one band, and each band into expected true + false',
    (ps) => {
      const e = expectedError(ps, { accept: 0.95, review: 0.5 })
      expect(e.accepted.pairs + e.review.pairs + e.rejected.pairs).toBe(ps.length)
      for (const b of [e.accepted, e.review, e.rejected]) {
        expect(b.expectedTrue + b.expectedFalse).toBeCloseTo(b.pairs, 9)
        expect(b.expectedTrue).toBeGreaterThanOrEqual(0)
        expect(b.expectedFalse).toBeGreaterThanOrEqual(-1e-9)
      }
    },
  )

  test.prop([probabilities])(
    'accepts fewer pairs with fewer expected false links and more missed ones as the cutoff rises',
    (ps) => {
      const { cutoffs } = expectedError(ps, { accept: 0.95, review: 0.5 })
      for (let c = 1; c < cutoffs.length; c++) {
        const lo = cutoffs[c - 1]!
        const hi = cutoffs[c]!
        expect(hi.accepted).toBeLessThanOrEqual(lo.accepted)
        expect(hi.expectedFalse).toBeLessThanOrEqual(lo.expectedFalse + 1e-9)
        expect(hi.expectedMissed).toBeGreaterThanOrEqual(lo.expectedMissed - 1e-9)
      }
    },
  )
})
