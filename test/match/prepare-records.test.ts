import { describe, expect, it } from 'vitest'
import { chineseNameComparison, sexComparison } from '../../src/match/comparison-presets.js'
import { comparisonVector } from '../../src/match/comparison-vector.js'
import { prepareRecords } from '../../src/match/prepare-records.js'
import { matchRecordOf } from './support/match-record-of.js'

describe('prepareRecords and comparisonVector', () => {
  const comparisons = [chineseNameComparison(), sexComparison()]
  const records = [
    matchRecordOf({ name: '王丽', sex: 'female' }),
    matchRecordOf({ name: '王莉', sex: 'female' }),
    matchRecordOf({ name: null, sex: 'male' }),
  ]
  const prepared = prepareRecords(records, comparisons)

  it('prepares one column per comparison, null where the record lacks the value', () => {
    expect(prepared.count).toBe(3)
    expect(prepared.columns).toHaveLength(2)
    expect(prepared.columns[0]?.[2]).toBeNull()
    expect(prepared.columns[1]).toEqual(['female', 'female', 'male'])
  })

  it('writes each pair’s levels into a reused vector', () => {
    const out = new Int8Array(2)
    expect([...comparisonVector(comparisons, prepared, 0, 1, out)]).toEqual([5, 1])
    expect([...comparisonVector(comparisons, prepared, 0, 2, out)]).toEqual([-1, 0])
  })
})
