import { describe, expect, it } from 'vitest'
import { residentIdCheckChar } from '../../src/domain/resident-id.js'
import { createRng } from '../../src/generate/create-rng.js'
import type { MatchRecord } from '../../src/match/comparison.js'
import { linkRecords } from '../../src/match/link-period.js'
import type { Matching } from '../../src/pipeline/pipeline.js'
import { matchRecordOf } from './support/match-record-of.js'

/** A valid 18-character ID of region 410105 for a birth date (YYYYMMDD) and sequence (3 digits, odd = male). */
function id(birth: string, sequence: string): string {
  const body = `410105${birth}${sequence}`
  return body + residentIdCheckChar(body)
}

const matching: Matching = {
  pairBudget: 10_000,
  blocking: [
    { name: 'same ID', keys: ['id18'] },
    // Coarse on purpose: EM needs the non-matches of a realistic blocked set to learn from.
    { name: 'sex', keys: ['sex'] },
  ],
  comparisons: ['residentId', 'chineseName', 'birthDate', 'sex'],
  thresholds: { accept: 0.95, review: 0.5 },
}

const surnames = ['赵', '钱', '孙', '李', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨']
const given = ['建国', '秀英', '志强', '桂兰', '海涛', '玉梅', '文博', '晓燕']

/**
 * Fillers (no two share a birth date), three people each in two registries with a homophone or
 * identical name and the same ID, and two different men born the same day (records 0 and 1).
 */
function records(): MatchRecord[] {
  const out: MatchRecord[] = [
    matchRecordOf({ id: id('19900102', '011'), name: '张伟', sex: 'male', birth: '1990-01-02' }),
    matchRecordOf({ id: id('19900102', '033'), name: '刘洋', sex: 'male', birth: '1990-01-02' }),
    matchRecordOf({ id: id('19850304', '022'), name: '王丽', sex: 'female', birth: '1985-03-04' }),
    matchRecordOf({ id: id('19850304', '022'), name: '王莉', sex: 'female', birth: '1985-03-04' }),
    matchRecordOf({ id: id('19770607', '051'), name: '胡军', sex: 'male', birth: '1977-06-07' }),
    matchRecordOf({ id: id('19770607', '051'), name: '胡军', sex: 'male', birth: '1977-06-07' }),
    matchRecordOf({ id: id('20010910', '064'), name: '马静', sex: 'female', birth: '2001-09-10' }),
    matchRecordOf({ id: id('20010910', '064'), name: '马晶', sex: 'female', birth: '2001-09-10' }),
  ]
  for (let k = 0; k < 60; k++) {
    const year = 1950 + k
    const birth = `${year}-0${1 + (k % 9)}-1${k % 10}`
    const sex = k % 2 === 0 ? 'male' : 'female'
    const name = `${surnames[k % surnames.length]}${given[k % given.length]}`
    out.push(
      matchRecordOf({
        id: id(birth.replaceAll('-', ''), `1${k % 2 === 0 ? '1' : '2'}${k % 10}`),
        name,
        sex,
        birth,
      }),
    )
  }
  return out
}

describe('linkRecords', () => {
  const all = records()
  const sourceOf = all.map((_, i) => i % 2)
  const run = () => linkRecords(all, sourceOf, matching, { rng: createRng('link').next, uSampleSize: 20_000 })

  it('accepts the homophone with the same ID and not two different men born the same day', () => {
    const result = run()
    const { left, right, probability } = result.pairs
    const find = (a: number, b: number) => {
      for (let k = 0; k < left.length; k++) if (left[k] === a && right[k] === b) return k
      return -1
    }
    const homophone = find(2, 3)
    const sameDay = find(0, 1)
    expect(homophone).toBeGreaterThanOrEqual(0)
    expect(sameDay).toBeGreaterThanOrEqual(0)
    expect([...result.accepted]).toContain(homophone)
    expect([...result.accepted]).not.toContain(sameDay)
    // Their birth date and the ID's date part agree: one fact counted twice, so the pair may go
    // to review, but never above the accept threshold.
    expect(probability[sameDay]).toBeLessThan(matching.thresholds.accept)
    expect(probability[homophone]).toBeGreaterThan(0.999)
    expect(result.clustering.clusters).toContainEqual([2, 3])
    expect(result.clustering.clusterOf[0]).not.toBe(result.clustering.clusterOf[1])
  })

  it('reports the trained parameters and is reproducible from the seed', () => {
    const result = run()
    expect(result.parameters.comparisons).toEqual(['resident_id', 'name', 'birth_date', 'sex'])
    expect(result.parameters.seedPairs).toBe(3)
    expect(result.parameters.lambda).toBeGreaterThan(0)
    expect(result.parameters.lambda).toBeLessThan(1)
    expect(result.parameters.iterations).toBeGreaterThan(0)
    expect(run().pairs.probability).toEqual(result.pairs.probability)
  })
})
