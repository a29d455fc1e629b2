import { describe, expect, it } from 'vitest'
import { residentIdCheckChar } from '../../src/domain/resident-id.js'
import { createRng } from '../../src/generate/create-rng.js'
import { prepareLinkInput } from '../../src/match/link-input.js'
import { linkRecords } from '../../src/match/link-period.js'
import type { LinkType } from '../../src/match/link-type.js'
import type { Matching } from '../../src/pipeline/pipeline.js'
import { matchRecordOf } from './support/match-record-of.js'

function id(birth: string, sequence: string): string {
  const body = `410105${birth}${sequence}`
  return body + residentIdCheckChar(body)
}

function matching(linkType: LinkType): Matching {
  return {
    pairBudget: 1_000,
    linkType,
    blocking: [{ name: 'birth date', keys: ['birthDate'] }],
    comparisons: ['residentId', 'chineseName', 'birthDate', 'sex'],
    thresholds: { accept: 0.95, review: 0.5 },
  }
}

// One birth date, so the blocking rule puts all four records in one block: records 0 and 1 in
// source 0, records 2 and 3 in source 1. Of the six pairs, (0,1) and (2,3) are within a source.
const records = [
  matchRecordOf({ id: id('19850304', '022'), name: '王丽', sex: 'female', birth: '1985-03-04' }),
  matchRecordOf({ id: id('19850304', '022'), name: '王莉', sex: 'female', birth: '1985-03-04' }),
  matchRecordOf({ id: id('19850304', '022'), name: '王丽', sex: 'female', birth: '1985-03-04' }),
  matchRecordOf({ id: id('19850304', '042'), name: '胡敏', sex: 'female', birth: '1985-03-04' }),
]
const sourceOf = [0, 0, 1, 1]

function pairsOf(linkType: LinkType, options: { readonly acrossSourcesOnly?: boolean } = {}): string[] {
  const { blocked } = prepareLinkInput(records, sourceOf, matching(linkType), options)
  return [...blocked.left].map((l, k) => `${l}-${blocked.right[k]}`).sort()
}

describe('prepareLinkInput', () => {
  it('pairs records within each source only for linkType dedupe', () => {
    expect(pairsOf('dedupe')).toEqual(['0-1', '2-3'])
  })

  it('pairs records of different sources only for linkType link', () => {
    expect(pairsOf('link')).toEqual(['0-2', '0-3', '1-2', '1-3'])
  })

  it('pairs every two records for linkType linkAndDedupe', () => {
    expect(pairsOf('linkAndDedupe')).toEqual(['0-1', '0-2', '0-3', '1-2', '1-3', '2-3'])
  })

  it('pairs across sources when acrossSourcesOnly is asked, whatever the link type', () => {
    expect(pairsOf('linkAndDedupe', { acrossSourcesOnly: true })).toEqual(['0-2', '0-3', '1-2', '1-3'])
  })
})

describe('linkRecords with a link type', () => {
  it('scores and accepts only within-source pairs under dedupe', () => {
    const result = linkRecords(records, sourceOf, matching('dedupe'), {
      rng: createRng('dedupe').next,
      uSampleSize: 100,
    })
    for (let k = 0; k < result.pairs.left.length; k++) {
      expect(sourceOf[result.pairs.left[k] as number]).toBe(sourceOf[result.pairs.right[k] as number])
    }
    expect(result.pairs.left.length).toBe(2)
  })
})
