import { describe, expect, it } from 'vitest'
import { residentIdCheckChar } from '../../src/domain/resident-id.js'
import { createRng } from '../../src/generate/create-rng.js'
import { linkRecords } from '../../src/match/link-period.js'
import { pairLevels, preparedPairLevels } from '../../src/match/pair-levels.js'
import { matchRecordOf } from './support/match-record-of.js'
import { twoRegistryMatching, twoRegistryMonth } from './support/two-registry-month.js'

function id(birth: string, sequence: string): string {
  const body = `410105${birth}${sequence}`
  return body + residentIdCheckChar(body)
}

describe('pairLevels', () => {
  it('writes one level per comparison, -1 where a side is missing', () => {
    const records = [
      matchRecordOf({ id: id('19850304', '022'), sex: 'female' }),
      matchRecordOf({ id: id('19850304', '022'), sex: 'male' }),
      matchRecordOf({ id: null, sex: 'female' }),
    ]
    // sex is exact-or-else: 1 when equal, 0 when not. residentId: the same valid ID is its best
    // level, the 7th of [else, birthseq, trunc15, swap, sub1, legacy, exact], so 6.
    expect(pairLevels(records, ['residentId', 'sex'], [0, 0], [1, 2])).toEqual(['6,0', '-1,1'])
  })
})

describe('preparedPairLevels', () => {
  it('gives a link’s kept pairs the same levels from its prepared comparisons as preparing again', () => {
    const { records, sourceOf } = twoRegistryMonth('month-a', 60)
    const matching = twoRegistryMatching()
    const result = linkRecords(records, sourceOf, matching, { rng: createRng('u').next, uSampleSize: 5_000 })
    const input = result.input
    const kept = [...result.accepted, ...result.review]
    expect(kept.length).toBeGreaterThan(0)
    const left = kept.map((k) => result.pairs.left[k] as number)
    const right = kept.map((k) => result.pairs.right[k] as number)
    expect(preparedPairLevels(input, left, right)).toEqual(
      pairLevels(records, matching.comparisons, left, right),
    )
  })
})
