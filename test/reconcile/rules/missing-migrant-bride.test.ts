import { describe, expect, it } from 'vitest'
import type { MissingCheck } from '../../../src/reconcile/check.js'
import { reconcile } from '../../../src/reconcile/reconcile.js'
import { input, rec, validId } from '../build-input.js'

// A bride who is also on the police 暂住 list and not in the register: one defect, one case.
// Whose case it is depends on what came first: registered as a migrant before the marriage,
// she is 流入漏管's; registered after it, she moved in by marriage and is 新婚漏管's.
const inflow: MissingCheck = {
  id: 'missing-inflow',
  name: '流入漏管',
  label: 'unregistered inflow',
  kind: 'missing',
  from: [
    {
      sources: ['police-temporary'],
      sex: 'female',
      maritalStatuses: ['married'],
      notPrecededBy: { sources: ['civil-marriages'], roles: ['wife'], eventTypes: ['marriage'] },
    },
  ],
  in: [{ sources: ['register-persons'], statuses: ['active'] }],
}
const newlywed: MissingCheck = {
  id: 'missing-newlywed',
  name: '新婚漏管',
  label: 'missing newlywed',
  kind: 'missing',
  from: [{ sources: ['civil-marriages'], roles: ['wife'], eventTypes: ['marriage'] }],
  in: [{ sources: ['register-persons'], statuses: ['active'], maritalStatuses: ['married'] }],
  unlessRaisedBy: ['missing-inflow'],
}
const C1 = '410105001001'

function bride(temporaryOn: string, opts: { registerUnmarried?: boolean } = {}) {
  const id = validId('411525', '1998-03-02', '042')
  const records = [
    rec({
      source: 'civil-marriages',
      line: 2,
      role: 'wife',
      name: '刘雪',
      id,
      eventType: 'marriage',
      eventDate: '2026-03-01',
    }),
    rec({
      source: 'police-temporary',
      line: 5,
      name: '刘雪',
      id,
      sex: 'female',
      maritalStatus: 'married',
      eventType: 'temporary-registration',
      eventDate: temporaryOn,
      community: C1,
    }),
  ]
  if (opts.registerUnmarried === true)
    records.push(
      rec({ source: 'register-persons', line: 9, name: '刘雪', id, maritalStatus: 'single', community: C1 }),
    )
  return input(records, [records.map((_, i) => i)])
}

const checkIds = (i: ReturnType<typeof bride>) =>
  reconcile(i, [inflow, newlywed], { period: '2026-10' }).map((c) => c.checkId)

describe('a migrant bride is one case', () => {
  it('is 流入漏管 when her 暂住 registration predates the marriage', () => {
    expect(checkIds(bride('2024-11-19'))).toEqual(['missing-inflow'])
  })

  it('is 新婚漏管 when she registered as 暂住 after marrying (she moved in by marriage)', () => {
    expect(checkIds(bride('2026-04-13'))).toEqual(['missing-newlywed'])
  })

  it('is 新婚漏管 when the register holds her still 未婚, whatever came first', () => {
    expect(checkIds(bride('2024-11-19', { registerUnmarried: true }))).toEqual(['missing-newlywed'])
  })

  it('without unlessRaisedBy both checks raise her', () => {
    const both = reconcile(bride('2024-11-19'), [inflow, { ...newlywed, unlessRaisedBy: [] }], {
      period: '2026-10',
    })
    expect(both.map((c) => c.checkId)).toEqual(['missing-inflow', 'missing-newlywed'])
  })
})
