import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { blockingBlockNumbers } from '../../src/match/blocking-block-numbers.js'
import { type BlockingRule, blockingRuleKey } from '../../src/match/blocking-rule.js'

const rule: BlockingRule = { name: 'household + address', keys: ['householdNo', 'address'] }
// Values that concatenate alike and collide in short alphabets, to exercise the equality check.
const value = fc.constantFrom(null, '', 'a', 'b', 'ab', 'ba', 'a\u001f', '甲', '甲乙')

describe('blockingBlockNumbers', () => {
  it('numbers blocks in order of their first record, -1 for a null key', () => {
    const records = [
      { householdNo: 'h2', address: 'x' },
      { householdNo: 'h1', address: 'x' },
      { householdNo: 'h2', address: null },
      { householdNo: 'h2', address: 'x' },
    ]
    const numbers = blockingBlockNumbers(records, rule)
    expect(Array.from(numbers.blockOf)).toEqual([0, 1, -1, 0])
    expect(numbers).toMatchObject({ blockCount: 2, recordsWithoutKey: 1 })
  })

  it('puts every record in one block under a rule without keys', () => {
    const numbers = blockingBlockNumbers([{}, {}, {}], { name: 'everything', keys: [] })
    expect(Array.from(numbers.blockOf)).toEqual([0, 0, 0])
  })

  test.prop([fc.array(fc.record({ householdNo: value, address: value }), { maxLength: 60 })])(
    'gives two records one number exactly when their rule keys are equal and not null',
    (records) => {
      const { blockOf } = blockingBlockNumbers(records, rule)
      const keys = records.map((r) => blockingRuleKey(rule, r))
      records.forEach((_, i) => {
        expect(blockOf[i] === -1).toBe(keys[i] === null)
        for (let j = 0; j < i; j++) {
          if (keys[i] !== null) expect(blockOf[i] === blockOf[j]).toBe(keys[i] === keys[j])
        }
      })
    },
  )
})
