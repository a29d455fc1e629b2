import { describe, expect, it } from 'vitest'
import type { MatchRecord } from '../../src/match/comparison.js'
import { evaluateBySourcePair, evaluatePairs, exactIdPairs, pairKey } from '../../src/match/evaluate-pairs.js'

const valid = (id: string): MatchRecord => ({ id_norm: id, id_status: 'valid' })

// a, b, c: one person, a and b with the same valid ID, c without one. d, e: another person whose
// IDs differ (a typo). f shares d's ID number but it failed its check: not valid.
const records = new Map<string, MatchRecord>([
  ['a', valid('410105198503040221')],
  ['b', valid('410105198503040221')],
  ['c', { id_norm: null, id_status: 'missing' }],
  ['d', valid('410105199001020111')],
  ['e', valid('410105199001020113')],
  ['f', { id_norm: '410105199001020111', id_status: 'bad_check_digit' }],
])
const truth = new Set([pairKey('a', 'b'), pairKey('a', 'c'), pairKey('b', 'c'), pairKey('d', 'e')])

describe('pairKey', () => {
  it('is the same whichever record comes first', () => {
    expect(pairKey('x.csv:2:subject', 'a.csv:9:wife')).toBe('a.csv:9:wife x.csv:2:subject')
    expect(pairKey('a.csv:9:wife', 'x.csv:2:subject')).toBe('a.csv:9:wife x.csv:2:subject')
  })
})

describe('evaluatePairs', () => {
  it('scores all pairs and the pairs whose IDs differ or are missing', () => {
    // a–b right, a–c right, d–e right, c–f wrong; b–c missed.
    const predicted = new Set([pairKey('b', 'a'), pairKey('a', 'c'), pairKey('e', 'd'), pairKey('c', 'f')])
    const r = evaluatePairs(predicted, truth, records)
    expect(r.all).toEqual({
      predicted: 4,
      truePairs: 4,
      truePositives: 3,
      precision: 0.75,
      recall: 0.75,
      f1: 0.75,
    })
    // Hard true pairs: a–c, b–c, d–e (a–b share a valid ID). Hard predicted: a–c, d–e, c–f.
    expect(r.idsDifferOrMissing.predicted).toBe(3)
    expect(r.idsDifferOrMissing.truePairs).toBe(3)
    expect(r.idsDifferOrMissing.truePositives).toBe(2)
    expect(r.idsDifferOrMissing.precision).toBeCloseTo(2 / 3, 12)
    expect(r.idsDifferOrMissing.recall).toBeCloseTo(2 / 3, 12)
    expect(r.idsDifferOrMissing.f1).toBeCloseTo(2 / 3, 12)
  })

  it('gives null rates rather than dividing by zero', () => {
    const r = evaluatePairs(new Set(), truth, records)
    expect(r.all).toEqual({
      predicted: 0,
      truePairs: 4,
      truePositives: 0,
      precision: null,
      recall: 0,
      f1: null,
    })
  })
})

describe('exactIdPairs', () => {
  it('pairs records with the same valid ID only', () => {
    const baseline = exactIdPairs(records)
    expect([...baseline]).toEqual([pairKey('a', 'b')])
    const r = evaluatePairs(baseline, truth, records)
    expect(r.all.precision).toBe(1)
    expect(r.all.recall).toBe(0.25)
    expect(r.all.f1).toBeCloseTo(0.4, 12)
    expect(r.idsDifferOrMissing.truePositives).toBe(0)
    expect(r.idsDifferOrMissing.recall).toBe(0)
  })
})

describe('evaluateBySourcePair', () => {
  it('scores each pair of sources on the pairs between them', () => {
    // Record keys name their source before the colon.
    const source = (key: string) => key.slice(0, key.indexOf(':'))
    const truth = new Set([pairKey('a:1', 'b:1'), pairKey('a:2', 'b:2'), pairKey('b:3', 'b:4')])
    const predicted = new Set([pairKey('a:1', 'b:1'), pairKey('a:3', 'b:9'), pairKey('b:3', 'b:4')])
    const rows = evaluateBySourcePair(predicted, truth, source)
    expect(rows.map((r) => r.sources)).toEqual([
      ['a', 'b'],
      ['b', 'b'],
    ])
    // a ↔ b: 2 predicted, 1 right, of 2 true: precision 1/2, recall 1/2.
    expect(rows[0]).toMatchObject({
      predicted: 2,
      truePositives: 1,
      truePairs: 2,
      precision: 0.5,
      recall: 0.5,
    })
    expect(rows[1]).toMatchObject({ predicted: 1, truePositives: 1, truePairs: 1, f1: 1 })
  })
})
