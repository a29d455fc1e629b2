import { describe, expect, it } from 'vitest'
import { chineseNameComparison, sexComparison } from '../../src/match/comparison-presets.js'
import type { FellegiSunterModel } from '../../src/match/fellegi-sunter.js'
import { createPairScorer } from '../../src/match/pair-scorer.js'
import { prepareRecords } from '../../src/match/prepare-records.js'
import { matchRecordOf } from './support/match-record-of.js'

const comparisons = [chineseNameComparison(), sexComparison()]
// 100 named records: 20 王伟 (tf 0.2), 2 欧阳修 (tf 0.02), 78 others.
const records = [
  ...Array.from({ length: 20 }, () => matchRecordOf({ name: '王伟', sex: 'male' })),
  ...Array.from({ length: 2 }, () => matchRecordOf({ name: '欧阳修', sex: 'male' })),
  ...Array.from({ length: 78 }, (_, i) =>
    matchRecordOf({ name: `李${'一二三四五六七八九十'[i % 10]}${i}`, sex: 'female' }),
  ),
]
const nameU = [0.9, 0.02, 0.01, 0.01, 0.01, 0.02, 0.03].reverse()
const model: FellegiSunterModel = {
  lambda: 0.001,
  comparisons: [
    { name: 'name', m: [0.02, 0.02, 0.01, 0.01, 0.01, 0.03, 0.9], u: nameU, tfLevel: 6, tfMinimumU: 0.001 },
    { name: 'sex', m: [0.02, 0.98], u: [0.5, 0.5], tfLevel: null, tfMinimumU: 0 },
  ],
}

describe('createPairScorer', () => {
  const prepared = prepareRecords(records, comparisons)
  const scorer = createPairScorer(comparisons, prepared, model)

  it('scores exact agreement on a common name lower than on a rare one', () => {
    const common = scorer.score(0, 1)
    expect([...scorer.vector]).toEqual([6, 1])
    const rare = scorer.score(20, 21)
    // Same pattern, so the difference is the TF term alone: log2(0.2 / 0.02) = log2(10).
    expect(rare - common).toBeCloseTo(Math.log2(10), 10)
    // Without TF, u_exact = 0.03: common 王伟 loses log2(0.2/0.03) bits against the average.
    const prior = Math.log2(0.001 / 0.999)
    expect(common).toBeCloseTo(prior + Math.log2(0.9 / 0.2) + Math.log2(0.98 / 0.5), 10)
  })

  it('caches by pattern without changing results', () => {
    const first = scorer.score(0, 30)
    const again = scorer.score(0, 30)
    expect(again).toBe(first)
    expect(scorer.lastPatternKey()).toBe(0 + 1 + (0 + 1) * 16) // name else, sex else
  })
})
