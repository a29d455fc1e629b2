import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { explainPairLevels, readCaseEvidence, weightOfProbability } from '../../src/cases/case-evidence.js'
import type { LinkModel, LinkModelComparison } from '../../src/match/link-model.js'

const training = {
  records: 0,
  candidatePairs: 0,
  seedPairs: 0,
  patterns: 0,
  iterations: 0,
  converged: true,
  uSamplePairs: 0,
  fixedComparisons: [],
}
const model = (lambda: number, comparisons: LinkModelComparison[]): LinkModel => ({
  version: 1,
  pipeline: 't',
  trainedPeriod: null,
  lambda,
  comparisons,
  training,
})
const sex: LinkModelComparison = {
  name: 'sex',
  levels: ['else', 'exact'],
  m: [0.05, 0.95],
  u: [0.5, 0.5],
  termFrequency: null,
}
const name: LinkModelComparison = {
  name: 'name',
  levels: ['else', 'pinyin', 'exact'],
  m: [0.1, 0.2, 0.7],
  u: [0.9, 0.09, 0.01],
  termFrequency: { level: 2, minimumU: 0.0001 },
}

/** A comparison with `k` levels whose m and u are positive and sum to 1 (as a saved model's do). */
const comparison = (i: number) =>
  fc
    .integer({ min: 2, max: 5 })
    .chain((k) =>
      fc.record({
        m: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: k, maxLength: k }),
        u: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: k, maxLength: k }),
      }),
    )
    .map(({ m, u }): LinkModelComparison => {
      const norm = (xs: number[]) => xs.map((x) => x / xs.reduce((a, b) => a + b, 0))
      return {
        name: `c${i}`,
        levels: m.map((_, l) => `l${l}`),
        m: norm(m),
        u: norm(u),
        termFrequency: null,
      }
    })

describe('explainPairLevels', () => {
  test.prop([
    fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    fc.tuple(comparison(0), comparison(1), comparison(2)),
    fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  ])(
    'without term frequencies, prior + contributions is the weight whose probability was stored',
    (lambda, cs, picks, missing) => {
      const m = model(lambda, cs)
      const levels = cs.map((c, i) => (missing[i] ? -1 : (picks[i] as number) % c.levels.length))
      // The probability the scorer would have stored: 1 / (1 + 2^-w), w summed here independently.
      let w = Math.log2(lambda / (1 - lambda))
      cs.forEach((c, i) => {
        const l = levels[i] as number
        if (l !== -1) w += Math.log2((c.m[l] as number) / (c.u[l] as number))
      })
      const p = 1 / (1 + 2 ** -w)
      const e = explainPairLevels(m, levels.join(','), p)
      expect(e).not.toBeNull()
      expect(e?.termFrequencyWeight).toBe(0)
      expect(e?.matchWeight).toBeCloseTo(w, 9)
      const sum = (e?.contributions ?? []).reduce((s, c) => s + c.weight, e?.priorWeight ?? Number.NaN)
      expect(sum).toBeCloseTo(w, 9)
      expect(e?.contributions.filter((c) => c.level === -1).every((c) => c.weight === 0)).toBe(true)
    },
  )

  it('puts what a term frequency changed in its own step, so the steps add up to the stored weight', () => {
    const m = model(0.01, [name, sex])
    // 王伟 agreeing: u replaced by its 2 % share instead of the model's 1 % average.
    const stored = Math.log2(0.01 / 0.99) + Math.log2(0.7 / 0.02) + Math.log2(0.95 / 0.5)
    const e = explainPairLevels(m, '2,1', 1 / (1 + 2 ** -stored))
    expect(e?.contributions.map((c) => c.levelCode)).toEqual(['exact', 'exact'])
    expect(e?.contributions[0]?.weight).toBeCloseTo(Math.log2(70), 9)
    expect(e?.termFrequencyWeight).toBeCloseTo(-1, 6)
    expect(e?.matchWeight).toBeCloseTo(stored, 6)
  })

  it('draws nothing rather than a wrong chart when the levels do not fit the model', () => {
    expect(explainPairLevels(model(0.01, [name, sex]), '2', 0.5)).toBeNull()
    expect(explainPairLevels(model(0.01, [name, sex]), '3,1', 0.5)).toBeNull()
  })
})

describe('stored evidence', () => {
  it('reads its own version and nothing else', () => {
    expect(readCaseEvidence(null)).toBeNull()
    expect(readCaseEvidence('{"v":0}')).toBeNull()
    const e = { v: 1, records: [], differences: [], problems: [], probability: null, match: null }
    expect(readCaseEvidence(JSON.stringify(e))).toEqual(e)
  })

  it('gives no weight for a probability rounded to 0 or 1', () => {
    expect(weightOfProbability(1)).toBeNull()
    expect(weightOfProbability(0)).toBeNull()
    expect(weightOfProbability(0.5)).toBe(0)
  })
})
