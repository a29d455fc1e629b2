import type { Rng } from './create-rng.js'
import { type GivenNameCohort, givenNameTable } from './given-name-table.js'
import { surnameTable } from './surname-table.js'
import { type WeightedPicker, weightedPicker } from './weighted-picker.js'

/** Draws realistic names: frequency-weighted surnames, cohort-styled given names. */
export interface NameSampler {
  surname(rng: Rng): string
  given(rng: Rng, sex: 1 | 2, birthYear: number): string
  /** A Uyghur-style name with the standard middle dot (U+00B7), e.g. 阿依古丽·吐尔逊. */
  minority(rng: Rng, sex: 1 | 2): string
}

interface PreparedCohort {
  readonly from: number
  readonly cohort: GivenNameCohort
  readonly popular: WeightedPicker<string>
}

const minorityGiven = {
  male: '买买提 艾力 阿不都 吐尔逊 艾尔肯 热合曼 努尔 阿迪力 亚森 伊力哈木'.split(' '),
  female: '阿依古丽 古丽 热依拉 米娜 帕提古丽 阿依努尔 迪丽娜 努尔古丽 热娜 古再丽'.split(' '),
}
const minorityFamily = '吐尔逊 艾力 热合曼 阿不都 买买提 依明 卡德尔 赛买提 托合提 艾买提'.split(' ')

/** Prepares the pickers once; the sampler itself is cheap to call millions of times. */
export function createNameSampler(): NameSampler {
  const surnames = weightedPicker(surnameTable)
  const prepare = (cohorts: readonly GivenNameCohort[]): PreparedCohort[] =>
    cohorts.map((cohort) => ({
      from: cohort.from,
      cohort,
      popular: weightedPicker(
        cohort.popular.split(' ').map((s): readonly [string, number] => {
          const name = s.replace(/\d+$/, '')
          return [name, Number(s.slice(name.length))]
        }),
      ),
    }))
  const bySex = { 1: prepare(givenNameTable.male), 2: prepare(givenNameTable.female) }
  return {
    surname: (rng) => surnames(rng),
    given: (rng, sex, birthYear) => {
      const list = bySex[sex]
      let c = list[0] as PreparedCohort
      for (const p of list) if (p.from <= birthYear) c = p
      if (rng.chance(c.cohort.popularShare)) return c.popular(rng)
      if (rng.chance(c.cohort.singleShare)) return pickChar(rng, c.cohort.single)
      const a = pickChar(rng, c.cohort.first)
      let b = pickChar(rng, c.cohort.second)
      if (b === a && rng.chance(0.7)) b = pickChar(rng, c.cohort.second)
      return a + b
    },
    minority: (rng, sex) =>
      `${rng.pick(sex === 1 ? minorityGiven.male : minorityGiven.female)}·${rng.pick(minorityFamily)}`,
  }
}

function pickChar(rng: Rng, chars: string): string {
  return chars[rng.int(chars.length)] as string
}
