import { describe, expect, it } from 'vitest'
import { evaluateClusters } from '../../src/match/evaluate-clusters.js'

describe('evaluateClusters', () => {
  it('scores a perfect clustering 1', () => {
    const s = evaluateClusters([7, 7, 9, 4], [0, 0, 1, 2])
    expect(s).toMatchObject({ predictedClusters: 3, trueEntities: 3, trueGroups: 1, exactGroups: 1 })
    expect(s.exactGroupRate).toBe(1)
    expect(s.bcubedPrecision).toBe(1)
    expect(s.bcubedRecall).toBe(1)
  })

  it('computes B-cubed by hand on a split and a merge', () => {
    // Truth: {0,1,2} {3}; predicted: {0,1} {2,3}.
    // Precision per record: 0,1 → 2/2; 2 → 1/2; 3 → 1/2 → mean 3/4.
    // Recall per record: 0,1 → 2/3; 2 → 1/3; 3 → 1/1 → mean (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3.
    const s = evaluateClusters([0, 0, 1, 1], [5, 5, 5, 6])
    expect(s.bcubedPrecision).toBeCloseTo(0.75, 12)
    expect(s.bcubedRecall).toBeCloseTo(2 / 3, 12)
    expect(s.bcubedF1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3), 12)
    expect(s).toMatchObject({ trueGroups: 1, exactGroups: 0, exactGroupRate: 0 })
  })

  it('leaves out records without a true entity', () => {
    const s = evaluateClusters([0, 0, 0], [1, 1, -1])
    expect(s).toMatchObject({ predictedClusters: 1, trueEntities: 1, exactGroups: 1 })
    expect(s.bcubedPrecision).toBe(1)
    expect(evaluateClusters([0], [-1]).bcubedF1).toBeNull()
  })
})
