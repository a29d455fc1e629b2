import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'
import { sexComparison } from '../../src/match/comparison-presets.js'
import { estimateU } from '../../src/match/estimate-u.js'
import { prepareRecords } from '../../src/match/prepare-records.js'

describe('estimateU', () => {
  it('estimates the chance agreement of random pairs', () => {
    // 3 in 4 records male: two random records agree with probability ≈ 9/16 + 1/16 = 0.625.
    const records = Array.from({ length: 4000 }, (_, i) => ({ sex: i % 4 === 0 ? 'female' : 'male' }))
    const comparisons = [sexComparison()]
    const u = estimateU(prepareRecords(records, comparisons), comparisons, {
      rng: createRng(7).next,
      sampleSize: 50_000,
    })
    expect(u[0]?.[1]).toBeCloseTo(0.625, 1)
    expect((u[0]?.[0] ?? 0) + (u[0]?.[1] ?? 0)).toBeCloseTo(1, 12)
  })

  it('is reproducible from the seed and never returns u = 0', () => {
    const records = Array.from({ length: 50 }, () => ({ sex: 'male' }))
    const comparisons = [sexComparison()]
    const prepared = prepareRecords(records, comparisons)
    const run = () =>
      estimateU(prepared, comparisons, { rng: createRng('u').next, sampleSize: 1000, floor: 1e-4 })
    const u = run()
    expect(u).toEqual(run())
    expect(u[0]?.[0]).toBeGreaterThan(0)
    expect(u[0]?.[0]).toBeCloseTo(1e-4, 6)
  })

  it('leaves null pairs out and falls back to uniform when nothing is comparable', () => {
    const records = [{ sex: null }, { sex: null }, { sex: null }]
    const comparisons = [sexComparison()]
    const u = estimateU(prepareRecords(records, comparisons), comparisons, {
      rng: createRng(1).next,
      sampleSize: 10,
    })
    expect(u).toEqual([[0.5, 0.5]])
  })

  it('draws only pairs across sources when given sourceOf', () => {
    // Source 0 all male, source 1 all female: every cross-source pair disagrees, while a
    // pair drawn from all records would agree about half the time.
    const records = Array.from({ length: 2000 }, (_, i) => ({ sex: i < 1000 ? 'male' : 'female' }))
    const sourceOf = Int32Array.from(records, (_, i) => (i < 1000 ? 0 : 1))
    const comparisons = [sexComparison()]
    const u = estimateU(prepareRecords(records, comparisons), comparisons, {
      rng: createRng(3).next,
      sampleSize: 5000,
      floor: 1e-6,
      sourceOf,
    })
    expect(u[0]?.[1]).toBeCloseTo(1e-6, 9)
  })

  it('refuses link-only sampling when all records come from one source', () => {
    const records = [{ sex: 'male' }, { sex: 'male' }]
    const comparisons = [sexComparison()]
    expect(() =>
      estimateU(prepareRecords(records, comparisons), comparisons, {
        rng: createRng(3).next,
        sampleSize: 10,
        sourceOf: [0, 0],
      }),
    ).toThrow(/two sources/)
  })

  it('draws only pairs within one source when asked to dedupe each source', () => {
    // Each source holds one sex: every within-source pair agrees.
    const records = Array.from({ length: 2000 }, (_, i) => ({ sex: i < 1000 ? 'male' : 'female' }))
    const sourceOf = Int32Array.from(records, (_, i) => (i < 1000 ? 0 : 1))
    const comparisons = [sexComparison()]
    const u = estimateU(prepareRecords(records, comparisons), comparisons, {
      rng: createRng(3).next,
      sampleSize: 5000,
      floor: 1e-6,
      sourceOf,
      sourcePairs: 'within',
    })
    expect(u[0]?.[0]).toBeCloseTo(1e-6, 9)
  })
})
