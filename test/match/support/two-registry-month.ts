import { residentIdCheckChar } from '../../../src/domain/resident-id.js'
import { createRng } from '../../../src/generate/create-rng.js'
import type { MatchRecord } from '../../../src/match/comparison.js'
import type { Matching } from '../../../src/pipeline/pipeline.js'
import { matchRecordOf } from './match-record-of.js'

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴']
const given = ['伟', '丽', '静', '军', '敏', '强', '磊', '洋', '艳', '勇', '建国', '秀英']
// Homophones a clerk may type for the given names above (same toneless pinyin).
const homophone: Readonly<Record<string, string>> = { 丽: '莉', 静: '晶', 军: '君', 敏: '民', 伟: '玮' }

/**
 * A small synthetic month for model tests: `persons` people, each in two registries (sourceOf 0
 * and 1), the second copy with a homophone given name one time in four and its ID missing one
 * time in eight. Birth dates are drawn from a few years so that same-day strangers exist.
 */
export function twoRegistryMonth(
  seed: string,
  persons: number,
): { records: MatchRecord[]; sourceOf: number[] } {
  const rng = createRng(seed)
  const records: MatchRecord[] = []
  const sourceOf: number[] = []
  for (let p = 0; p < persons; p++) {
    const year = rng.between(1980, 1983)
    const birth = `${year}-${pad(rng.between(1, 12))}-${pad(rng.between(1, 28))}`
    const male = rng.chance(0.5)
    const sequence = `${rng.between(0, 9)}${rng.between(0, 9)}${2 * rng.between(0, 4) + (male ? 1 : 0)}`
    const body = `410105${birth.replaceAll('-', '')}${sequence}`
    const id = body + residentIdCheckChar(body)
    const givenName = rng.pick(given)
    const name = rng.pick(surnames) + givenName
    const sex = male ? 'male' : 'female'
    records.push(matchRecordOf({ id, name, sex, birth }))
    const typo = homophone[givenName]
    const secondName = typo !== undefined && rng.chance(0.25) ? name.slice(0, 1) + typo : name
    records.push(matchRecordOf({ id: rng.chance(0.125) ? null : id, name: secondName, sex, birth }))
    sourceOf.push(0, 1)
  }
  return { records, sourceOf }
}

/** The matching section these tests link with (linkType, when the pipeline declares one, is the default). */
export function twoRegistryMatching(): Matching {
  const written = {
    pairBudget: 100_000,
    blocking: [
      { name: 'same ID', keys: ['id18'] },
      // Coarse on purpose: EM needs the non-matches of a realistic blocked set to learn from.
      { name: 'birth year + sex', keys: ['birthYear', 'sex'] },
    ],
    comparisons: ['residentId', 'chineseName', 'birthDate', 'sex'],
    thresholds: { accept: 0.95, review: 0.5 },
  }
  return { ...written, linkType: 'linkAndDedupe' } as unknown as Matching
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
