import { readFileSync } from 'node:fs'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseChecks } from '../../src/pipeline/checks-schema.js'
import type { Case } from '../../src/reconcile/case.js'
import type { Check } from '../../src/reconcile/check.js'
import { reconcile } from '../../src/reconcile/reconcile.js'
import type { LinkedPair, ReconcileInput, ReconcileRecord } from '../../src/reconcile/reconcile-input.js'
import { demoSources, input, rec, validId } from './build-input.js'

const standard: Check[] = (() => {
  const file = parse(readFileSync(new URL('../../pipelines/monthly.yaml', import.meta.url), 'utf8'))
  const parsed = parseChecks(file.checks, demoSources)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.checks
})()
const opts = { period: '2026-10' }
const C1 = '410105001001'
const C2 = '410105001002'

describe('reconcile with the standard checks', () => {
  it('orders cases by check, then community with 未能定位 last, then records', () => {
    const badId = { norm: null, status: 'missing' as const, birthDate: null, sex: null }
    const records = [
      rec({ source: 'register-persons', line: 9, id: badId, name: '甲', community: null }),
      rec({ source: 'register-persons', line: 5, id: badId, name: '乙', community: C2 }),
      rec({ source: 'register-persons', line: 7, id: badId, name: '丙', community: C1 }),
      // A local inflow woman of 30, married, not in the register: 流入漏管 comes before 身份证号错误.
      rec({
        source: 'police-temporary',
        line: 2,
        name: '丁',
        id: validId('370225', '1996-05-22', '742'),
        maritalStatus: 'married',
        eventDate: '2026-04-01',
      }),
    ]
    const cases = reconcile(input(records), standard, opts)
    expect(cases.map((c) => [c.checkName, c.community, c.records[0]?.ref])).toEqual([
      ['流入漏管', null, 'police-temporary.csv:2:subject'],
      ['身份证号错误', C1, 'register-persons.csv:7:subject'],
      ['身份证号错误', C2, 'register-persons.csv:5:subject'],
      ['身份证号错误', null, 'register-persons.csv:9:subject'],
    ])
  })

  it('finds a person both dead per police and conflicting on sex, as cases of two checks', () => {
    const id = validId('410105', '1960-06-24', '200')
    const records = [
      rec({
        source: 'register-persons',
        line: 85,
        id,
        name: '赵丽',
        birthDate: '1960-06-24',
        sex: 'male',
        status: 'active',
        community: C2,
      }),
      rec({
        source: 'police-snapshot',
        line: 85,
        id,
        name: '赵丽',
        birthDate: '1960-06-24',
        sex: 'female',
        status: 'cancelled',
        statusReason: '死亡',
      }),
    ]
    const cases = reconcile(input(records, [[0, 1]]), standard, opts)
    // The stated sex contradicts the register's own ID too, but the standard 身份证号错误 check
    // leaves that to 信息不一致, which says which value is believed: one visit, not two.
    expect(cases.map((c) => c.checkName)).toEqual(['信息不一致', '死亡未注销'])
    expect(cases[0]?.differences.map((d) => [d.field, d.believed])).toEqual([['sex', '女']])
  })

  it('rejects an inconsistent input as a bug of the caller', () => {
    const records = [rec({ source: 'register-persons', line: 2 })]
    const base = input(records)
    expect(() => reconcile({ ...base, person: [] }, standard, opts)).toThrow(RangeError)
    expect(() =>
      reconcile({ ...base, pairs: [{ left: 0, right: 3, band: 'accept', probability: 1 }] }, standard, opts),
    ).toThrow(RangeError)
    expect(() => reconcile(input([rec({ source: 'elsewhere', line: 1 })]), standard, opts)).toThrow(
      RangeError,
    )
    expect(() => reconcile(base, standard, { period: '2026-13' })).toThrow(RangeError)
  })
})

// Small value sets so that the random records link, conflict and repeat often.
const recordArb = fc.record({
  source: fc.constantFrom(
    'register-persons',
    'police-changes',
    'police-snapshot',
    'civil-deaths',
    'police-temporary',
  ),
  status: fc.constantFrom('active' as const, 'cancelled' as const, null),
  statusReason: fc.constantFrom('死亡', '迁出', null),
  eventType: fc.constantFrom('death' as const, 'move-out' as const, 'move-in' as const, null),
  eventDate: fc.constantFrom('2026-02-01', '2026-05-01', null),
  community: fc.constantFrom(C1, C2, null),
  name: fc.constantFrom('王丽', '王莉', null),
  birthDate: fc.constantFrom('1990-01-02', '1990-02-01', null),
  sex: fc.constantFrom('male' as const, 'female' as const, null),
  maritalStatus: fc.constantFrom('married' as const, 'single' as const, null),
  idKind: fc.constantFrom('valid', 'missing', 'bad'),
  person: fc.integer({ min: 0, max: 3 }),
})

type RecordSpec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never

const scenarioArb = fc.array(recordArb, { minLength: 1, maxLength: 14 }).chain((specs) => {
  const n = specs.length
  const pairArb = fc.record({
    left: fc.integer({ min: 0, max: n - 1 }),
    right: fc.integer({ min: 0, max: n - 1 }),
    band: fc.constantFrom('accept' as const, 'review' as const),
  })
  const order = [...specs.keys()]
  return fc.tuple(
    fc.constant(specs),
    fc.uniqueArray(pairArb, {
      maxLength: 10,
      selector: (p) => [Math.min(p.left, p.right), Math.max(p.left, p.right)].join(),
    }),
    fc.shuffledSubarray(order, { minLength: n, maxLength: n }),
  )
})

function scenarioInput(
  specs: RecordSpec[],
  rawPairs: { left: number; right: number; band: 'accept' | 'review' }[],
): ReconcileInput {
  const records: ReconcileRecord[] = specs.map((s, i) => {
    const id =
      s.idKind === 'valid'
        ? validId('410105', '1990-01-02', '022')
        : s.idKind === 'bad'
          ? {
              norm: '410105199001020220',
              status: 'bad_check_digit' as const,
              birthDate: '1990-01-02',
              sex: 'female' as const,
            }
          : null
    const { idKind: _, person: __, ...fields } = s
    return rec({ ...fields, line: i + 2, id })
  })
  // Distinct probabilities: which pair is "the" deciding one must not hinge on a tie.
  const pairs: LinkedPair[] = rawPairs
    .filter((p) => p.left !== p.right)
    .map((p, k) => ({ ...p, probability: 0.5 + k / 100, levels: `${k}` }))
  return { sources: demoSources, records, person: specs.map((s) => s.person), pairs }
}

/** The same input with record i moved to position where[i]. */
function permuted(inp: ReconcileInput, order: number[]): ReconcileInput {
  const where = new Array<number>(order.length)
  order.forEach((old, pos) => {
    where[old] = pos
  })
  return {
    ...inp,
    records: order.map((old) => inp.records[old] as ReconcileRecord),
    person: order.map((old) => inp.person[old] as number),
    pairs: inp.pairs.map((p) => ({ ...p, left: where[p.left] as number, right: where[p.right] as number })),
  }
}

/** A case without the record indexes, which a reordering changes by design. */
function withoutIndexes(c: Case, inp: ReconcileInput) {
  return {
    ...c,
    records: c.records.map(({ index: _, ...r }) => r),
    differences: c.differences.map(({ believedRecord, ...d }) => ({
      ...d,
      believed: `${d.believed}@${inp.records[believedRecord]?.line}`,
    })),
  }
}

describe('reconcile is independent of record order', () => {
  test.prop([scenarioArb], { numRuns: 200 })(
    'the same cases, keys and order after shuffling the records',
    ([specs, pairs, order]) => {
      const original = scenarioInput(specs, pairs)
      const shuffled = permuted(original, order)
      const a = reconcile(original, standard, opts)
      const b = reconcile(shuffled, standard, opts)
      expect(b.map((c) => withoutIndexes(c, shuffled))).toEqual(a.map((c) => withoutIndexes(c, original)))
    },
  )

  test.prop([scenarioArb], { numRuns: 100 })(
    'every key is unique and made of the check id and a 64-bit hash',
    ([specs, pairs]) => {
      const cases = reconcile(scenarioInput(specs, pairs), standard, opts)
      expect(new Set(cases.map((c) => c.key)).size).toBe(cases.length)
      for (const c of cases) expect(c.key).toMatch(new RegExp(`^${c.checkId}:[0-9a-f]{16}$`))
    },
  )
})

describe('a field difference left to the check that owns it', () => {
  it('raises a register record still 未婚 after a marriage as 新婚漏管 only, not also as 信息不一致', () => {
    const records = [
      rec({
        source: 'civil-marriages',
        line: 3,
        role: 'husband',
        name: '李强',
        eventType: 'marriage',
        eventDate: '2026-06-01',
      }),
      rec({
        source: 'civil-marriages',
        line: 3,
        role: 'wife',
        name: '王丽',
        birthDate: '1998-03-02',
        eventType: 'marriage',
        eventDate: '2026-06-01',
      }),
      rec({
        source: 'register-persons',
        line: 10,
        id: validId('410105', '1998-03-02', '022'),
        name: '王丽',
        birthDate: '1998-03-02',
        status: 'active',
        maritalStatus: 'single',
        community: C1,
      }),
      rec({
        source: 'police-snapshot',
        line: 10,
        name: '王丽',
        birthDate: '1998-03-02',
        status: 'active',
        maritalStatus: 'married',
        community: C1,
      }),
    ]
    const cases = reconcile(input(records, [[1, 2, 3]]), standard, opts)
    expect(cases.map((c) => c.checkName)).toEqual(['新婚漏管'])
    // Without the newlywed check, the same difference is a conflict.
    const withoutNewlywed = standard.filter((c) => c.id !== 'missing-newlywed')
    const conflicts = reconcile(input(records, [[1, 2, 3]]), withoutNewlywed, opts)
    expect(conflicts.map((c) => [c.checkName, c.differences.map((d) => d.field)])).toEqual([
      ['信息不一致', ['maritalStatus']],
    ])
  })
})
