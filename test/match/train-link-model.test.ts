import { describe, expect, it } from 'vitest'
import { residentIdCheckChar } from '../../src/domain/resident-id.js'
import { createRng } from '../../src/generate/create-rng.js'
import type { MatchRecord } from '../../src/match/comparison.js'
import { trainLinkModel } from '../../src/match/train-link-model.js'
import { matchRecordOf } from './support/match-record-of.js'
import { twoRegistryMatching, twoRegistryMonth } from './support/two-registry-month.js'

function id(birth: string, sequence: string): string {
  const body = `410105${birth}${sequence}`
  return body + residentIdCheckChar(body)
}

describe('trainLinkModel', () => {
  it('takes the name’s m from the pairs sharing a valid ID and keeps it through EM', () => {
    // Three people in two registries, same ID each: names exact once, homophones twice. Plus
    // unrelated fillers of the same birth year and sex, for EM's non-matches.
    const records: MatchRecord[] = [
      matchRecordOf({ id: id('19850304', '022'), name: '王丽', sex: 'female', birth: '1985-03-04' }),
      matchRecordOf({ id: id('19850304', '022'), name: '王莉', sex: 'female', birth: '1985-03-04' }),
      matchRecordOf({ id: id('19850607', '042'), name: '胡敏', sex: 'female', birth: '1985-06-07' }),
      matchRecordOf({ id: id('19850607', '042'), name: '胡敏', sex: 'female', birth: '1985-06-07' }),
      matchRecordOf({ id: id('19850910', '064'), name: '马静', sex: 'female', birth: '1985-09-10' }),
      matchRecordOf({ id: id('19850910', '064'), name: '马晶', sex: 'female', birth: '1985-09-10' }),
    ]
    const fillers = ['赵秀英', '钱桂兰', '孙玉梅', '李晓燕', '周海燕', '吴春花']
    fillers.forEach((name, k) => {
      const birth = `1985-1${k % 3}-2${k}`
      records.push(matchRecordOf({ id: id(birth.replaceAll('-', ''), `1${k}2`), name, sex: 'female', birth }))
    })
    // Three more people in both registries, the second ID mistyped (one digit twice, an adjacent
    // swap once; the check fails): each pair agrees on name, birth date and sex, so it labels the ID's m.
    const typos: [string, string, (id: string) => string][] = [
      ['郑桂英', '19851111', (t) => `${t.slice(0, 14)}9${t.slice(15)}`],
      ['王秀兰', '19851212', (t) => `${t.slice(0, 15)}7${t.slice(16)}`],
      ['冯淑珍', '19850101', (t) => `${t.slice(0, 14)}${t[15]}${t[14]}${t.slice(16)}`],
    ]
    for (const [name, birthDigits, mistype] of typos) {
      const right = id(birthDigits, '082')
      const birth = `${birthDigits.slice(0, 4)}-${birthDigits.slice(4, 6)}-${birthDigits.slice(6)}`
      records.push(
        matchRecordOf({ id: right, name, sex: 'female', birth }),
        matchRecordOf({ id: mistype(right), name, sex: 'female', birth }),
      )
    }
    const sourceOf = records.map((_, i) => i % 2)
    const model = trainLinkModel(records, sourceOf, twoRegistryMatching(), {
      rng: createRng('u').next,
      uSampleSize: 5_000,
    })
    expect(model.training.seedPairs).toBe(3)
    expect(model.training.fixedComparisons).toEqual(['resident_id', 'name', 'birth_date', 'sex'])
    // Level counts by value [else, surname, char1, pinyin1, fold, pinyin, exact] = [0,0,0,0,0,2,1]:
    // shares 2/3 and 1/3, the five unseen levels floored at 1e-3, then all divided by 1.005.
    const name = model.comparisons[1]?.m ?? []
    const floor = 1e-3 / 1.005
    const expected = [floor, floor, floor, floor, floor, 2 / 3 / 1.005, 1 / 3 / 1.005]
    for (const [level, p] of expected.entries()) expect(name[level]).toBeCloseTo(p, 12)
    // The ID's m: 3 ID-sharing pairs at exact (value 6), the typo pairs twice at sub1 (value 4)
    // and once at swap (value 3) of [else, birthseq, trunc15, swap, sub1, legacy, exact]: 3/6,
    // 2/6 and 1/6, the four other levels floored at 1e-5, all divided by 1.00004.
    const idM = model.comparisons[0]?.m ?? []
    const idFloor = 1e-5 / 1.00004
    const expectedId = [idFloor, idFloor, idFloor, 1 / 6 / 1.00004, 2 / 6 / 1.00004, idFloor, 3 / 6 / 1.00004]
    for (const [level, p] of expectedId.entries()) expect(idM[level]).toBeCloseTo(p, 12)
  })

  it('learns λ as the match rate of any two records, not of the blocked pairs', () => {
    const { records, sourceOf } = twoRegistryMonth('month-a', 150)
    const model = trainLinkModel(records, sourceOf, twoRegistryMatching(), {
      rng: createRng('u').next,
      uSampleSize: 20_000,
    })
    // 150 people, two records each: 150 matching pairs among 300 · 299 / 2 = 44,850.
    expect(model.lambda).toBeGreaterThan((0.9 * 150) / 44_850)
    expect(model.lambda).toBeLessThan((1.1 * 150) / 44_850)
    expect(model.training.candidatePairs).toBeLessThan(44_850)
  })

  it('counts only pairs of two sources in λ when linking across sources only', () => {
    const { records, sourceOf } = twoRegistryMonth('month-a', 150)
    const model = trainLinkModel(records, sourceOf, twoRegistryMatching(), {
      rng: createRng('u').next,
      uSampleSize: 20_000,
      acrossSourcesOnly: true,
    })
    // 150 matching pairs among 150 · 150 = 22,500 pairs of one record from each registry.
    expect(model.lambda).toBeGreaterThan((0.9 * 150) / 22_500)
    expect(model.lambda).toBeLessThan((1.1 * 150) / 22_500)
  })

  it('counts only pairs within one source in λ and u under linkType dedupe', () => {
    const month = twoRegistryMonth('month-a', 150)
    // Each person's two records into one source: person k (records 2k, 2k+1) in source k mod 2.
    const sourceOf = month.records.map((_, i) => Math.floor(i / 2) % 2)
    const model = trainLinkModel(
      month.records,
      sourceOf,
      { ...twoRegistryMatching(), linkType: 'dedupe' },
      { rng: createRng('u').next, uSampleSize: 20_000 },
    )
    // 150 matching pairs among the 2 · (150 · 149 / 2) = 22,350 pairs within one source.
    expect(model.lambda).toBeGreaterThan((0.9 * 150) / 22_350)
    expect(model.lambda).toBeLessThan((1.1 * 150) / 22_350)
  })
})
