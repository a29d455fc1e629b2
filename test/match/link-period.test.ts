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

describe('linkRecords, certificate newborns without a name or ID', () => {
  // Each person twice (police and register: same ID, same home, one in eight moved), so the
  // address comparison's m is learned from pairs that share an ID, as on a real period.
  const withHome = (r: MatchRecord, home: string, field: 'address' | 'residence'): MatchRecord => ({
    ...r,
    address: null,
    residence: null,
    [field]: home,
  })
  function people(): MatchRecord[] {
    const out: MatchRecord[] = []
    for (let k = 0; k < 48; k++) {
      const year = 1950 + k
      const birth = `${year}-0${1 + (k % 9)}-1${k % 10}`
      const sex = k % 2 === 0 ? 'male' : 'female'
      const person = matchRecordOf({
        id: id(birth.replaceAll('-', ''), `2${k % 2 === 0 ? '1' : '2'}${k % 10}`),
        name: `${surnames[k % surnames.length]}${given[k % given.length]}`,
        sex,
        birth,
      })
      const home = `文化路${k}号院1号楼1单元101室`
      out.push(withHome(person, home, 'address'))
      out.push(withHome(person, k % 8 === 0 ? `花园路${k}号院2号楼1单元201室` : home, 'residence'))
    }
    return out
  }
  const newborn = (birth: string, home: string): MatchRecord =>
    withHome(matchRecordOf({ sex: 'female', birth }), home, 'residence')
  const registered = (birth: string, sequence: string, name: string, home: string): MatchRecord =>
    withHome(
      matchRecordOf({ id: id(birth.replaceAll('-', ''), sequence), name, sex: 'female', birth }),
      home,
      'address',
    )

  const newbornMatching: Matching = {
    ...matching,
    blocking: [
      ...matching.blocking,
      { name: 'birth date + sex + home', keys: ['birthDate', 'sex', 'homeAddress'] },
    ],
    comparisons: ['residentId', 'chineseName', 'birthDate', 'sex', 'homeAddress'],
  }

  it('links an unnamed newborn to its 出生登记 by birth date, sex and home, and never merges twins', () => {
    const all = people()
    const only = all.length
    all.push(newborn('2026-03-01', '纬五路98号院9幢1单元1304室'))
    all.push(registered('2026-03-01', '042', '冯梦瑶', '纬五路98号院9幢1单元1304室'))
    // Same-sex twins: one certificate newborn could be either girl; the evidence cannot tell.
    const twinsHome = '黄委会路70号院5栋1单元102室'
    all.push(newborn('2026-04-02', twinsHome))
    all.push(registered('2026-04-02', '062', '李雨桐', twinsHome))
    all.push(registered('2026-04-02', '082', '李雪桐', twinsHome))
    // A girl born the same day as the first newborn, at another home.
    all.push(registered('2026-03-01', '102', '王可欣', '文化路251号院10号楼3单元904室'))
    const sourceOf = all.map((_, i) => (i < only ? i % 2 : i === only || i === only + 2 ? 2 : 0))
    const result = linkRecords(all, sourceOf, newbornMatching, {
      rng: createRng('newborn').next,
      uSampleSize: 20_000,
    })
    const { clusterOf } = result.clustering
    expect(clusterOf[only]).toBe(clusterOf[only + 1])
    // The twins are two people with IDs of one birth date and sex: the cluster guard keeps them apart.
    expect(clusterOf[only + 3]).not.toBe(clusterOf[only + 4])
    // The twins' newborn joins at most one of them; the other link is refused and flagged.
    expect([clusterOf[only + 3], clusterOf[only + 4]]).toContain(clusterOf[only + 2])
    expect(result.clustering.flagged.map((f) => [f.left, f.right].sort())).toHaveLength(1)
    // A girl born the same day at another home is not the first newborn.
    expect(clusterOf[only + 5]).not.toBe(clusterOf[only])
  })
})
