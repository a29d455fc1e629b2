import { describe, expect, it } from 'vitest'
import type { Case } from '../../src/reconcile/case.js'
import {
  parseTrueDiscrepancies,
  scoreCases,
  type TrueDiscrepancyRow,
} from '../../src/reconcile/score-cases.js'

/** A case with only what scoring reads: check, review flag, community and records by part. */
function kase(
  key: string,
  checkId: string,
  subjects: string[],
  opts: { review?: boolean; community?: string; evidence?: string[] } = {},
): Case {
  const record = (part: 'subject' | 'evidence') => (ref: string, index: number) => ({
    index,
    part,
    source: ref.split(':')[0] ?? '',
    role: 'subject' as const,
    ref,
    fingerprint: ref,
  })
  return {
    key,
    checkId,
    checkName: checkId,
    kind: 'missing',
    review: opts.review ?? false,
    community: opts.community ?? 'c1',
    communityBy: 'record',
    records: [...subjects.map(record('subject')), ...(opts.evidence ?? []).map(record('evidence'))],
    probability: null,
    levels: null,
    differences: [],
    problems: [],
    reason: '',
  }
}
const truth = (id: string, type: string, records: string[], communityCode = 'c1'): TrueDiscrepancyRow => ({
  id,
  type,
  communityCode,
  records,
})

describe('parseTrueDiscrepancies', () => {
  it('reads the generator’s format by header name, records split on spaces', () => {
    const text = [
      'id,type,type_zh,community_code,community_name,person_ids,records,field,true_value,recorded_value,detail',
      'D000009,duplicate,重复建档,410105001001,文化路社区,128,register-persons-2026-10.csv:134:subject register-persons-2026-10.csv:135:subject,,,,name-variant',
      'D000083,missing-birth,出生漏报,,,3225 1042,health-births-2026-10.csv:17:child,,,,',
      '',
    ].join('\n')
    expect(parseTrueDiscrepancies(text)).toEqual([
      {
        id: 'D000009',
        type: 'duplicate',
        communityCode: '410105001001',
        records: ['register-persons-2026-10.csv:134:subject', 'register-persons-2026-10.csv:135:subject'],
      },
      {
        id: 'D000083',
        type: 'missing-birth',
        communityCode: null,
        records: ['health-births-2026-10.csv:17:child'],
      },
    ])
  })

  it('says which column is missing', () => {
    expect(() => parseTrueDiscrepancies('id,type\nD1,conflict')).toThrow('no "community_code" column')
  })
})

describe('scoreCases', () => {
  it('counts per type: a match needs the same type and a shared subject record', () => {
    const cases = [
      kase('k1', 'conflict', ['r:1:subject']), // true positive
      kase('k2', 'conflict', ['r:2:subject']), // false positive
      kase('k3', 'duplicate', ['r:3:subject', 'r:4:subject']), // true positive
      kase('k4', 'stale-death', ['r:5:subject']), // wrong type for D4: false positive
    ]
    const rows = [
      truth('D1', 'conflict', ['r:1:subject', 'p:1:subject']),
      truth('D2', 'conflict', ['r:9:subject']), // missed
      truth('D3', 'duplicate', ['r:3:subject', 'r:4:subject']),
      truth('D4', 'stale-move-out', ['r:5:subject']), // missed
    ]
    const score = scoreCases(cases, rows)
    expect(score.types).toEqual([
      { type: 'conflict', truth: 2, cases: 2, matched: 1, wrongCommunity: 0, precision: 0.5, recall: 0.5 },
      { type: 'duplicate', truth: 1, cases: 1, matched: 1, wrongCommunity: 0, precision: 1, recall: 1 },
      {
        type: 'stale-move-out',
        truth: 1,
        cases: 0,
        matched: 0,
        wrongCommunity: 0,
        precision: null,
        recall: 0,
      },
      { type: 'stale-death', truth: 0, cases: 1, matched: 0, wrongCommunity: 0, precision: 0, recall: null },
    ])
    expect(score.unmatchedCases).toEqual(['k2', 'k4'])
    expect(score.missedTruth).toEqual(['D2', 'D4'])
  })

  it('does not count a shared evidence record as a match', () => {
    const cases = [kase('k1', 'conflict', ['r:1:subject'], { evidence: ['p:1:subject'] })]
    const score = scoreCases(cases, [truth('D1', 'conflict', ['r:2:subject', 'p:1:subject'])])
    expect(score.missedTruth).toEqual(['D1'])
  })

  it('matches each case to one truth row at most', () => {
    const cases = [kase('k1', 'conflict', ['r:1:subject'])]
    const rows = [truth('D1', 'conflict', ['r:1:subject']), truth('D2', 'conflict', ['r:1:subject'])]
    const score = scoreCases(cases, rows)
    expect(score.types[0]).toMatchObject({ matched: 1, precision: 1, recall: 0.5 })
    expect(score.missedTruth).toEqual(['D2'])
  })

  it('leaves review cases out unless asked, and counts a wrong community', () => {
    const cases = [kase('k1', 'missing-inflow', ['t:2:subject'], { review: true, community: 'c2' })]
    const rows = [truth('D1', 'missing-inflow', ['t:2:subject'], 'c1')]
    expect(scoreCases(cases, rows).types[0]).toMatchObject({ cases: 0, matched: 0, recall: 0 })
    expect(scoreCases(cases, rows, { includeReview: true }).types[0]).toMatchObject({
      cases: 1,
      matched: 1,
      wrongCommunity: 1,
    })
  })
})
