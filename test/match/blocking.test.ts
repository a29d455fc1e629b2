import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { BlockingBudgetError } from '../../src/errors/match-errors.js'
import { blockPairs, countBlockingPairs } from '../../src/match/blocking.js'
import { type BlockingRule, blockingRuleKey } from '../../src/match/blocking-rule.js'
import type { MatchRecord } from '../../src/match/comparison.js'
import { matchRecordOf } from './support/match-record-of.js'

const people: readonly MatchRecord[] = [
  matchRecordOf({ id: '41010519900307123X', name: '王伟', sex: 'male', birth: '1990-03-07' }), // 0
  matchRecordOf({ id: '410105900307123', name: '王伟', sex: 'male', birth: '1990-03-07' }), // 1 legacy 0
  matchRecordOf({ id: '410105199003071000', name: '王玮', sex: 'male', birth: '1990-03-07' }), // 2 Excel
  matchRecordOf({ id: null, name: '王伟', sex: 'male', birth: '1990-03-07' }), // 3
  matchRecordOf({ id: '410105198506011248', name: '李娜', sex: 'female', birth: '1985-06-01' }), // 4
  matchRecordOf({ id: '无', name: '李娜', sex: 'female', birth: '1985-06-01' }), // 5
  matchRecordOf({ id: null, name: '李娜', sex: 'female', birth: null }), // 6
  matchRecordOf({ id: null, name: '张伟', sex: 'male', birth: '1990-03-07' }), // 7
]

const rules: readonly BlockingRule[] = [
  { name: 'id18', keys: ['id18'] },
  { name: 'id prefix 15', keys: ['idPrefix15'] },
  { name: 'birth date + full-name pinyin', keys: ['birthDate', 'fullNamePinyin'] },
  { name: 'birth date + sex + given pinyin', keys: ['birthDate', 'sex', 'givenPinyin'] },
]

const pairsOf = (p: { left: Int32Array; right: Int32Array }): [number, number][] =>
  Array.from(p.left, (l, k) => [l, p.right[k] as number])

describe('blockPairs (dedupe)', () => {
  it('makes each rule’s new pairs once, in rule then block order', () => {
    const { left, right, stats } = blockPairs(people, rules)
    expect(pairsOf({ left, right })).toEqual([
      [0, 1], // id18: the legacy ID upgrades to the same number
      [0, 2], // prefix 15 adds the truncated ID; (0, 1) is not made again
      [1, 2],
      [0, 3], // birth date + pinyin adds the record without ID (王玮 is a homophone of 王伟) …
      [1, 3],
      [2, 3],
      [4, 5], // … and 李娜 without ID; 6 has no birth date
      [0, 7], // birth date + sex + given pinyin adds 张伟
      [1, 7],
      [2, 7],
      [3, 7],
    ])
    expect(stats).toEqual([
      { rule: 'id18', pairsInBlocks: 1, pairsAdded: 1, cumulative: 1, largestBlock: 2, recordsWithoutKey: 5 },
      {
        rule: 'id prefix 15',
        pairsInBlocks: 3,
        pairsAdded: 2,
        cumulative: 3,
        largestBlock: 3,
        recordsWithoutKey: 4,
      },
      {
        rule: 'birth date + full-name pinyin',
        pairsInBlocks: 7,
        pairsAdded: 4,
        cumulative: 7,
        largestBlock: 4,
        recordsWithoutKey: 1,
      },
      {
        rule: 'birth date + sex + given pinyin',
        pairsInBlocks: 11,
        pairsAdded: 4,
        cumulative: 11,
        largestBlock: 5,
        recordsWithoutKey: 1,
      },
    ])
  })

  it('never pairs records on a null key', () => {
    const noIds = [
      matchRecordOf({ name: '王伟' }),
      matchRecordOf({ name: '王伟' }),
      matchRecordOf({ id: '无' }),
    ]
    const { left, stats } = blockPairs(noIds, [{ name: 'id18', keys: ['id18'] }])
    expect(left).toHaveLength(0)
    expect(stats[0]?.recordsWithoutKey).toBe(3)
  })

  it('gives the same output every run', () => {
    const a = blockPairs(people, rules)
    const b = blockPairs(
      [...people],
      rules.map((r) => ({ ...r })),
    )
    expect(Array.from(b.left)).toEqual(Array.from(a.left))
    expect(Array.from(b.right)).toEqual(Array.from(a.right))
  })

  it('makes the same set of pairs whatever the rule order; only the attribution moves', () => {
    const forward = pairsOf(blockPairs(people, rules))
    const backward = pairsOf(blockPairs(people, [...rules].reverse()))
    const sorted = (ps: [number, number][]) => ps.map(([l, r]) => `${l}-${r}`).sort()
    expect(sorted(backward)).toEqual(sorted(forward))
  })

  it('handles no records and no rules', () => {
    expect(blockPairs([], rules).stats.map((s) => s.cumulative)).toEqual([0, 0, 0, 0])
    expect(blockPairs(people, []).left).toHaveLength(0)
  })
})

describe('blockPairs (link)', () => {
  const left = [people[0], people[4]] as MatchRecord[]
  const right = [people[2], people[3], people[5], people[6]] as MatchRecord[]
  const rule: BlockingRule[] = [
    { name: 'birth date + full-name pinyin', keys: ['birthDate', 'fullNamePinyin'] },
  ]

  it('pairs only across sources, left record first', () => {
    const sourceOf = [0, 0, 1, 1, 1, 1]
    const result = blockPairs([...left, ...right], rule, { sourceOf })
    // Right records 2 and 3 share a block but are the same registry: no pair.
    expect(pairsOf(result)).toEqual([
      [0, 2],
      [0, 3],
      [1, 4],
    ])
    expect(result.stats[0]).toMatchObject({ pairsInBlocks: 3, pairsAdded: 3, largestBlock: 3 })
  })

  it('puts the smaller index first when sources interleave', () => {
    const records = [people[3], people[0], people[1]] as MatchRecord[]
    const result = blockPairs(records, [{ name: 'id-less', keys: ['birthDate', 'name'] }], {
      sourceOf: [1, 0, 1],
    })
    expect(pairsOf(result)).toEqual([
      [0, 1],
      [1, 2],
    ])
  })

  it('rejects a source list of the wrong length', () => {
    expect(() => blockPairs(people, rules, { sourceOf: [0, 1] })).toThrow(RangeError)
  })
})

describe('pair budget', () => {
  it('refuses a rule over the per-rule budget before making pairs, naming the rule', () => {
    const run = () => blockPairs(people, rules, { maxPairsPerRule: 10 })
    expect(run).toThrow(BlockingBudgetError)
    try {
      run()
    } catch (error) {
      const e = error as BlockingBudgetError
      expect(e.code).toBe('MATCH_BLOCKING_BUDGET')
      expect(e).toMatchObject({
        rule: 'birth date + sex + given pinyin',
        pairs: 11,
        budget: 10,
        scope: 'rule',
      })
      expect(e.message).toBe(
        'Blocking rule "birth date + sex + given pinyin" would make 11 candidate pairs; ' +
          'the budget is 10 per rule.',
      )
      expect(e.hint).toMatch(
        /Add a key to the rule "birth date \+ sex \+ given pinyin".*raise the pair budget/,
      )
    }
  })

  it('refuses when the distinct pairs pass the total budget, naming the rule reached', () => {
    expect(() => blockPairs(people, rules, { maxPairs: 5 })).toThrow(
      expect.objectContaining({ rule: 'birth date + full-name pinyin', pairs: 7, budget: 5, scope: 'total' }),
    )
    expect(blockPairs(people, rules, { maxPairs: 11, maxPairsPerRule: 11 }).left).toHaveLength(11)
  })

  it('writes large counts with thousands separators', () => {
    expect(new BlockingBudgetError('sex', 1_234_567_890, 5_000_000, 'rule').message).toContain(
      '1,234,567,890 candidate pairs; the budget is 5,000,000',
    )
  })
})

describe('countBlockingPairs', () => {
  it('gives blockPairs’ statistics without the pairs', () => {
    const counts = countBlockingPairs(people, rules)
    expect(counts.map(({ overBudget, ...rest }) => rest)).toEqual(blockPairs(people, rules).stats)
    expect(counts.every((c) => c.overBudget === null)).toBe(true)
  })

  it('reports, never throws, a rule over budget, and stops the running total there', () => {
    const counts = countBlockingPairs(people, [rules[2], rules[0], rules[3]] as BlockingRule[], {
      maxPairsPerRule: 6,
    })
    expect(counts.map((c) => [c.pairsInBlocks, c.pairsAdded, c.cumulative, c.overBudget])).toEqual([
      [7, null, null, 'rule'],
      [1, 0, null, null], // (0, 1) is in the first rule's blocks, counted or not
      [11, null, null, 'rule'],
    ])
  })

  it('marks the rule at which the total budget is passed', () => {
    const counts = countBlockingPairs(people, rules, { maxPairs: 5 })
    expect(counts.map((c) => c.overBudget)).toEqual([null, null, 'total', 'total'])
  })
})

// Brute force: every pair some rule blocks together, attributed to the first such rule.
function bruteForce(
  records: readonly MatchRecord[],
  ruleList: readonly BlockingRule[],
  sourceOf?: number[],
  within = false,
) {
  const byRule: string[][] = ruleList.map(() => [])
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      if (sourceOf !== undefined && (sourceOf[i] === sourceOf[j]) !== within) continue
      const r = ruleList.findIndex((rule) => {
        const a = blockingRuleKey(rule, records[i] as MatchRecord)
        return a !== null && a === blockingRuleKey(rule, records[j] as MatchRecord)
      })
      if (r >= 0) byRule[r]?.push(`${i}-${j}`)
    }
  }
  return byRule.map((pairs) => pairs.sort())
}

const smallRecord = fc.record({
  householdNo: fc.constantFrom(null, 'h1', 'h2'),
  community: fc.constantFrom(null, 'c1', 'c2', 'c3'),
  address: fc.constantFrom(null, '', 'a1', 'a2'),
})
const ruleSet: BlockingRule[] = [
  { name: 'household', keys: ['householdNo'] },
  { name: 'community + address', keys: ['community', 'address'] },
  { name: 'address', keys: ['address'] },
]

describe('agrees with brute force', () => {
  const byRule = (result: ReturnType<typeof blockPairs>) =>
    result.stats.map((s, r) =>
      pairsOf(result)
        .slice(r === 0 ? 0 : result.stats[r - 1]?.cumulative, s.cumulative)
        .map(([l, x]) => `${l}-${x}`)
        .sort(),
    )

  test.prop([fc.array(smallRecord, { maxLength: 30 })])('dedupe', (records) => {
    const result = blockPairs(records, ruleSet)
    expect(byRule(result)).toEqual(bruteForce(records, ruleSet))
    expect(result.stats.map((s) => s.pairsAdded)).toEqual(bruteForce(records, ruleSet).map((p) => p.length))
  })

  test.prop([fc.array(fc.tuple(smallRecord, fc.integer({ min: 0, max: 2 })), { maxLength: 30 })])(
    'link across up to three sources',
    (tagged) => {
      const records = tagged.map(([r]) => r)
      const sourceOf = tagged.map(([, s]) => s)
      const result = blockPairs(records, ruleSet, { sourceOf })
      expect(byRule(result)).toEqual(bruteForce(records, ruleSet, sourceOf))
      expect(countBlockingPairs(records, ruleSet, { sourceOf }).map((c) => c.pairsAdded)).toEqual(
        result.stats.map((s) => s.pairsAdded),
      )
    },
  )

  test.prop([fc.array(fc.tuple(smallRecord, fc.integer({ min: 0, max: 2 })), { maxLength: 30 })])(
    'dedupe within each of up to three sources',
    (tagged) => {
      const records = tagged.map(([r]) => r)
      const sourceOf = tagged.map(([, s]) => s)
      const options = { sourceOf, sourcePairs: 'within' as const }
      const result = blockPairs(records, ruleSet, options)
      expect(byRule(result)).toEqual(bruteForce(records, ruleSet, sourceOf, true))
      expect(countBlockingPairs(records, ruleSet, options).map((c) => c.pairsAdded)).toEqual(
        result.stats.map((s) => s.pairsAdded),
      )
      expect(result.stats.map((s) => s.pairsInBlocks)).toEqual(
        countBlockingPairs(records, ruleSet, options).map((c) => c.pairsInBlocks),
      )
    },
  )

  const attributeRecord = fc.record({
    'attr.surname': fc.constantFrom(null, 'smith', 'smyth', 'smithers', 'jones'),
    'attr.postcode': fc.constantFrom(null, '2000', '2001', '3000'),
  })
  const attributeRules: BlockingRule[] = [
    { name: 'postcode', keys: ['attr.postcode'] },
    { name: 'surname start', keys: ['attr.surname:first3'] },
    { name: 'postcode end + surname', keys: ['attr.postcode:last1', 'attr.surname'] },
  ]
  test.prop([fc.array(attributeRecord, { maxLength: 30 })])('attribute keys', (records) => {
    const result = blockPairs(records, attributeRules)
    expect(byRule(result)).toEqual(bruteForce(records, attributeRules))
  })
})
