import { describe, expect, it } from 'vitest'
import { chineseNameComparison, sexComparison } from '../../src/match/comparison-presets.js'
import { prepareRecords } from '../../src/match/prepare-records.js'
import { termFrequencies } from '../../src/match/term-frequencies.js'
import { matchRecordOf } from './support/match-record-of.js'

describe('termFrequencies', () => {
  it('gives each record the share of named records carrying its name', () => {
    const comparisons = [chineseNameComparison(), sexComparison()]
    const records = ['王伟', '王伟', '王伟', '欧阳修', null].map((name) => matchRecordOf({ name }))
    const prepared = prepareRecords(records, comparisons)
    expect([...termFrequencies(comparisons[0]!, prepared, 0)]).toEqual([0.75, 0.75, 0.75, 0.25, Number.NaN])
    expect(termFrequencies(comparisons[1]!, prepared, 1).every(Number.isNaN)).toBe(true)
  })
})
