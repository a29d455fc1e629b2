import { describe, expect, it } from 'vitest'
import type { ConflictCheck, FieldRule } from '../../../src/reconcile/check.js'
import { reconcile } from '../../../src/reconcile/reconcile.js'
import { input, rec, validId } from '../build-input.js'

function conflict(fields: FieldRule[]): ConflictCheck {
  return {
    id: 'conflict',
    name: '信息不一致',
    label: 'conflicting fields',
    kind: 'conflict',
    target: [{ sources: ['register-persons'] }],
    authority: [{ sources: ['police-snapshot'] }, { sources: ['civil-deaths'] }],
    fields,
  }
}
const opts = { period: '2026-10' }
const all: FieldRule[] = [
  { field: 'name', tolerance: 'exact' },
  { field: 'birthDate', withinDays: 0 },
  { field: 'sex' },
  { field: 'maritalStatus' },
]

const register = (over: Parameters<typeof rec>[0] | object = {}) =>
  rec({
    source: 'register-persons',
    line: 20,
    name: '钱率',
    namePinyin: 'qian|shuai',
    birthDate: '1999-07-09',
    sex: 'male',
    community: '410105001003',
    ...over,
  })
const police = (over: object = {}) =>
  rec({
    source: 'police-snapshot',
    line: 19,
    name: '钱帅',
    namePinyin: 'qian|shuai',
    birthDate: '1999-09-07',
    sex: 'male',
    ...over,
  })

describe('conflict cases', () => {
  it('lists every differing field with the value believed and its source', () => {
    const cases = reconcile(input([register(), police()], [[0, 1]]), [conflict(all)], opts)
    expect(cases).toHaveLength(1)
    const c = cases[0]
    expect(c?.differences.map((d) => [d.field, d.recorded, d.believed, d.believedSource])).toEqual([
      ['name', '钱率', '钱帅', 'police-snapshot'],
      ['birthDate', '1999-07-09', '1999-09-07', 'police-snapshot'],
    ])
    expect(c?.probability).toBe(0.99)
    expect(c?.community).toBe('410105001003')
    expect(c?.records.map((r) => `${r.part} ${r.ref}`)).toEqual([
      'subject register-persons.csv:20:subject',
      'evidence police-snapshot.csv:19:subject',
    ])
    expect(c?.reason).toBe(
      '全员人口库 钱率 (1999-07-09) 的姓名为 钱率，公安常住人口为 钱帅；出生日期为 1999-07-09，公安常住人口为 1999-09-07',
    )
  })

  it('raises nothing for a birth date within the tolerance, and a case just beyond it', () => {
    const near = [register({ name: '钱帅', birthDate: '1999-09-08' }), police()]
    expect(
      reconcile(input(near, [[0, 1]]), [conflict([{ field: 'birthDate', withinDays: 1 }])], opts),
    ).toEqual([])
    const far = [register({ name: '钱帅', birthDate: '1999-09-09' }), police()]
    expect(
      reconcile(input(far, [[0, 1]]), [conflict([{ field: 'birthDate', withinDays: 1 }])], opts),
    ).toHaveLength(1)
  })

  it('accepts a homophone under samePinyin but not under exact', () => {
    const records = [register({ birthDate: '1999-09-07' }), police()]
    expect(
      reconcile(input(records, [[0, 1]]), [conflict([{ field: 'name', tolerance: 'samePinyin' }])], opts),
    ).toEqual([])
    expect(
      reconcile(input(records, [[0, 1]]), [conflict([{ field: 'name', tolerance: 'exact' }])], opts),
    ).toHaveLength(1)
  })

  it('never calls a missing value a conflict', () => {
    const records = [register({ name: null, birthDate: null }), police()]
    expect(reconcile(input(records, [[0, 1]]), [conflict(all)], opts)).toEqual([])
  })

  it('believes the first authority that has a value, in the order the check lists them', () => {
    const records = [
      register({ name: '钱帅', birthDate: '1999-09-07', sex: 'female' }),
      rec({ source: 'civil-deaths', line: 3, name: '钱帅', sex: 'male' }),
      police({ sex: null }),
    ]
    const cases = reconcile(input(records, [[0, 2, 1]]), [conflict([{ field: 'sex' }])], opts)
    expect(cases[0]?.differences).toEqual([
      { field: 'sex', recorded: '女', believed: '男', believedSource: 'civil-deaths', believedRecord: 1 },
    ])
    // Not directly scored (the linkage joined them through the police record): no probability.
    expect(cases[0]?.probability).toBeNull()
  })

  it('says when the register kept the former name', () => {
    const records = [
      register({ name: '周三贞', birthDate: '1999-09-07' }),
      police({ name: '周兰贞', formerName: '周三贞' }),
    ]
    const cases = reconcile(input(records, [[0, 1]]), [conflict(all)], opts)
    expect(cases[0]?.reason).toContain('（登记的是曾用名）')
  })

  it('compares IDs only when both are well formed, masking them in the reason', () => {
    const a = validId('410105', '1999-09-07', '013')
    const b = validId('410105', '1999-09-07', '015')
    const rule: FieldRule[] = [{ field: 'residentId' }]
    const cases = reconcile(input([register({ id: a }), police({ id: b })], [[0, 1]]), [conflict(rule)], opts)
    expect(cases[0]?.differences[0]?.believed).toBe(`410105********${b.slice(14)}`)
    const broken = {
      norm: `${a.slice(0, 17)}0`,
      status: 'bad_check_digit' as const,
      birthDate: null,
      sex: null,
    }
    expect(
      reconcile(input([register({ id: broken }), police({ id: b })], [[0, 1]]), [conflict(rule)], opts),
    ).toEqual([])
  })

  it('does not compare records of different persons, even in a review pair', () => {
    const records = [register(), police()]
    expect(
      reconcile(
        input(records, [], [{ left: 0, right: 1, band: 'review', probability: 0.8 }]),
        [conflict(all)],
        opts,
      ),
    ).toEqual([])
  })
})

describe('an authority that contradicts its own ID', () => {
  const birthFields: FieldRule[] = [{ field: 'birthDate', withinDays: 0 }, { field: 'sex' }]
  // 1999-07-09, sequence 013: odd, male.
  const id = validId('410105', '1999-07-09', '013')

  it('believes the register when its birth date and sex are the ones the police record’s ID encodes', () => {
    const slip = police({ id, birthDate: '1999-09-07', sex: 'female' })
    expect(reconcile(input([register(), slip], [[0, 1]]), [conflict(birthFields)], opts)).toEqual([])
  })

  it('still reports the register when it is the one that differs from the police ID', () => {
    const cases = reconcile(
      input(
        [register({ birthDate: '1999-09-07', sex: 'female' }), police({ id, birthDate: '1999-07-09' })],
        [[0, 1]],
      ),
      [conflict(birthFields)],
      opts,
    )
    expect(cases[0]?.differences.map((d) => [d.field, d.recorded, d.believed])).toEqual([
      ['birthDate', '1999-09-07', '1999-07-09'],
      ['sex', '女', '男'],
    ])
  })
})
