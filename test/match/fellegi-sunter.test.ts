import { describe, expect, it } from 'vitest'
import {
  bayesFactor,
  explainComparisonVector,
  type FellegiSunterModel,
  matchWeight,
  priorMatchWeight,
  probabilityFromMatchWeight,
  scoreComparisonVector,
  tfAdjustedU,
} from '../../src/match/fellegi-sunter.js'

// Levels are value-indexed: [else, exact].
const model: FellegiSunterModel = {
  lambda: 0.01,
  comparisons: [
    { name: 'name', m: [0.1, 0.9], u: [0.99, 0.01], tfLevel: 1, tfMinimumU: 0.001 },
    { name: 'birth_date', m: [0.05, 0.95], u: [0.995, 0.005], tfLevel: null, tfMinimumU: 0 },
    { name: 'sex', m: [0.02, 0.98], u: [0.5, 0.5], tfLevel: null, tfMinimumU: 0 },
  ],
}

describe('Fellegi–Sunter arithmetic', () => {
  it('turns m and u into Bayes factors and weights in bits', () => {
    expect(bayesFactor(0.9, 0.01)).toBeCloseTo(90, 10)
    expect(matchWeight(0.9, 0.01)).toBeCloseTo(Math.log2(90), 10)
    expect(priorMatchWeight(0.5)).toBe(0)
    expect(probabilityFromMatchWeight(0)).toBe(0.5)
  })

  it('scores a hand-worked pair: names and birth dates agree, sexes differ', () => {
    // Prior odds λ/(1−λ) = 0.01/0.99 = 1/99.
    // Bayes factors: name exact 0.9/0.01 = 90; birth exact 0.95/0.005 = 190; sex else 0.02/0.5 = 0.04.
    // Posterior odds = 90 · 190 · 0.04 / 99 = 684/99 ≈ 6.909; probability = 684/783 ≈ 0.873563;
    // match weight = log2(684/99) ≈ 2.7885 bits.
    const explained = explainComparisonVector(model, [1, 1, 0])
    expect(explained.contributions.map((c) => c.bayesFactor)).toEqual([
      expect.closeTo(90, 9),
      expect.closeTo(190, 9),
      expect.closeTo(0.04, 9),
    ])
    expect(explained.matchWeight).toBeCloseTo(Math.log2(684 / 99), 10)
    expect(explained.probability).toBeCloseTo(684 / 783, 10)
    expect(scoreComparisonVector(model, [1, 1, 0])).toBeCloseTo(explained.matchWeight, 12)
  })

  it('gives a null level weight 0', () => {
    const explained = explainComparisonVector(model, [1, -1, -1])
    expect(explained.contributions[1]).toMatchObject({ level: -1, weight: 0, bayesFactor: 1 })
    expect(explained.matchWeight).toBeCloseTo(priorMatchWeight(0.01) + Math.log2(90), 10)
  })

  it('replaces the exact-name u by the name’s frequency, floored', () => {
    // uExact = 0.01 on average; 王伟 held by 5 % of records: u' = 0.01 · (0.05 / 0.01) = 0.05.
    expect(tfAdjustedU(0.01, 0.05, 0.01)).toBeCloseTo(0.05, 12)
    expect(tfAdjustedU(0.01, 0.00001, 0.01, 1, 0.001)).toBeCloseTo(0.001, 12)
    // Half the adjustment on a fuzzy level with u 0.02: 0.02 · (0.05/0.01)^0.5.
    expect(tfAdjustedU(0.02, 0.05, 0.01, 0.5)).toBeCloseTo(0.02 * Math.sqrt(5), 12)
    expect(tfAdjustedU(0.01, Number.NaN, 0.01)).toBe(0.01)
  })

  it('weighs agreement on a common name less than on a rare one', () => {
    const common = explainComparisonVector(model, [1, 1, 1], [0.05, Number.NaN, Number.NaN])
    const rare = explainComparisonVector(model, [1, 1, 1], [0.0002, Number.NaN, Number.NaN])
    // Common: BF 0.9/0.05 = 18. Rare: floored at 0.001, BF 0.9/0.001 = 900.
    expect(common.contributions[0]).toMatchObject({ tfAdjusted: true, bayesFactor: expect.closeTo(18, 9) })
    expect(rare.contributions[0]?.bayesFactor).toBeCloseTo(900, 9)
    expect(common.matchWeight).toBeLessThan(rare.matchWeight)
    // Off the tf level the frequency is ignored.
    expect(
      explainComparisonVector(model, [0, 1, 1], [0.05, Number.NaN, Number.NaN]).contributions[0]?.tfAdjusted,
    ).toBe(false)
  })

  it('sums contributions and prior to the total weight', () => {
    const e = explainComparisonVector(model, [0, 1, -1], [0.2, Number.NaN, Number.NaN])
    const sum = e.priorWeight + e.contributions.reduce((total, c) => total + c.weight, 0)
    expect(e.matchWeight).toBeCloseTo(sum, 12)
  })
})
