import { describe, expect, it } from 'vitest'
import type { MissingCheck } from '../../../src/reconcile/check.js'
import { reconcile } from '../../../src/reconcile/reconcile.js'
import { input, rec, validId } from '../build-input.js'

const newlywed: MissingCheck = {
  id: 'missing-newlywed',
  name: '新婚漏管',
  label: 'missing newlywed',
  kind: 'missing',
  from: [
    {
      sources: ['civil-marriages'],
      roles: ['wife'],
      eventTypes: ['marriage'],
      age: { min: 15, max: 49 },
      rowInJurisdiction: true,
    },
  ],
  in: [{ sources: ['register-persons'], statuses: ['active'], maritalStatuses: ['married'] }],
}

const births: MissingCheck = {
  id: 'missing-birth',
  name: '出生漏报',
  label: 'unreported birth',
  kind: 'missing',
  from: [
    { sources: ['health-births'], roles: ['child'], rowInJurisdiction: true },
    { sources: ['police-changes'], eventTypes: ['birth'], inJurisdiction: true },
  ],
  in: [{ sources: ['register-births'], roles: ['child'] }],
}

const opts = { period: '2026-10' }
const C1 = '410105001001'
const C2 = '410105001002'

/** A marriage row (husband line 3 index 0, wife index 1) registered on `date`. */
function marriage(
  wifeBirth: string,
  opts: { husbandCommunity?: string | null; wifeCommunity?: string | null; date?: string } = {},
) {
  const event = { eventType: 'marriage' as const, eventDate: opts.date ?? '2026-06-01' }
  return [
    rec({
      source: 'civil-marriages',
      line: 3,
      role: 'husband',
      name: '李强',
      ...event,
      community: opts.husbandCommunity ?? null,
    }),
    rec({
      source: 'civil-marriages',
      line: 3,
      role: 'wife',
      name: '王丽',
      id: validId('410105', wifeBirth, '022'),
      ...event,
      community: opts.wifeCommunity ?? null,
    }),
  ]
}

describe('missing cases', () => {
  it('reports a local bride with no register record, naming her and where she was not found', () => {
    const cases = reconcile(input(marriage('1998-03-02', { wifeCommunity: C1 })), [newlywed], opts)
    expect(cases).toHaveLength(1)
    const c = cases[0]
    expect(c?.checkName).toBe('新婚漏管')
    expect(c?.review).toBe(false)
    expect(c?.community).toBe(C1)
    expect(c?.probability).toBeNull()
    expect(c?.records.map((r) => [r.part, r.ref])).toEqual([
      ['subject', 'civil-marriages.csv:3:wife'],
      ['context', 'civil-marriages.csv:3:husband'],
    ])
    expect(c?.reason).toBe('民政婚姻登记女方 王丽 (1998-03-02) 在全员人口库中未找到匹配记录')
  })

  it('raises nothing when the bride links to an active married register record', () => {
    const records = [
      ...marriage('1998-03-02', { wifeCommunity: C1 }),
      rec({
        source: 'register-persons',
        line: 10,
        status: 'active',
        maritalStatus: 'married',
        community: C1,
      }),
    ]
    expect(reconcile(input(records, [[1, 2]]), [newlywed], opts)).toEqual([])
  })

  it('reports a bride whose register record is still 未婚, with that record and its community', () => {
    const records = [
      // Placed through her husband's row; the register places her in another community.
      ...marriage('1998-03-02', { husbandCommunity: C1 }),
      rec({ source: 'register-persons', line: 10, status: 'active', maritalStatus: 'single', community: C2 }),
    ]
    const cases = reconcile(input(records, [[1, 2]]), [newlywed], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.community).toBe(C2) // the register record's community decides who visits
    expect(cases[0]?.records.find((r) => r.part === 'counterpart')?.ref).toBe(
      'register-persons.csv:10:subject',
    )
    expect(cases[0]?.reason).toBe('民政婚姻登记女方 王丽 (1998-03-02) 在全员人口库中的记录仍登记为未婚')
  })

  it('raises nothing when her register record leaves 婚姻状况 blank: she is there, and not shown 未婚', () => {
    const records = [
      ...marriage('1998-03-02', { wifeCommunity: C1 }),
      rec({ source: 'register-persons', line: 10, status: 'active', maritalStatus: null, community: C1 }),
    ]
    expect(reconcile(input(records, [[1, 2]]), [newlywed], opts)).toEqual([])
    // Blank but cancelled is still not an active record of her.
    const cancelled = records.map((r, k) => (k === 2 ? { ...r, status: 'cancelled' as const } : r))
    expect(reconcile(input(cancelled, [[1, 2]]), [newlywed], opts)).toHaveLength(1)
  })

  it('makes a 待人工确认 case with the probability when the only register candidate is in the review band', () => {
    const records = [
      ...marriage('1998-03-02', { wifeCommunity: C1 }),
      rec({
        source: 'register-persons',
        line: 10,
        name: '王莉',
        birthDate: '1998-03-02',
        status: 'active',
        maritalStatus: 'married',
        community: C1,
      }),
      rec({
        source: 'register-persons',
        line: 11,
        name: '王力',
        birthDate: '1998-03-02',
        status: 'active',
        maritalStatus: 'married',
        community: C1,
      }),
    ]
    const cases = reconcile(
      input(
        records,
        [],
        [
          { left: 1, right: 2, band: 'review', probability: 0.62, levels: '1,3,4,1' },
          { left: 1, right: 3, band: 'review', probability: 0.55 },
        ],
      ),
      [newlywed],
      opts,
    )
    expect(cases).toHaveLength(1)
    expect(cases[0]?.review).toBe(true)
    expect(cases[0]?.probability).toBe(0.62)
    expect(cases[0]?.levels).toBe('1,3,4,1')
    expect(cases[0]?.records.find((r) => r.part === 'counterpart')?.index).toBe(2)
    expect(cases[0]?.reason).toContain('待人工确认')
    expect(cases[0]?.reason).toContain('0.620')
  })

  it('leaves out brides over 49 or under 15 at the marriage date, and keeps one of 49', () => {
    // Married 2026-06-01: born 1976-06-02 she is 49 (50 the next day); born 1976-05-31, 50.
    const fortyNine = reconcile(input(marriage('1976-06-02', { wifeCommunity: C1 })), [newlywed], opts)
    const fifty = reconcile(input(marriage('1976-05-31', { wifeCommunity: C1 })), [newlywed], opts)
    const fourteen = reconcile(input(marriage('2011-06-02', { wifeCommunity: C1 })), [newlywed], opts)
    expect(fortyNine).toHaveLength(1)
    expect(fifty).toEqual([])
    expect(fourteen).toEqual([])
  })

  it('leaves out a bride when neither she nor her husband is placed in the jurisdiction', () => {
    expect(reconcile(input(marriage('1998-03-02')), [newlywed], opts)).toEqual([])
    // Her husband is local: she moves in, so she is checked.
    expect(reconcile(input(marriage('1998-03-02', { husbandCommunity: C1 })), [newlywed], opts)).toHaveLength(
      1,
    )
  })

  it('makes one case for a birth on a certificate and in the police feed, placed by the mother', () => {
    const records = [
      rec({
        source: 'health-births',
        line: 5,
        role: 'child',
        eventType: 'birth',
        eventDate: '2026-09-01',
        birthDate: '2026-09-01',
      }),
      rec({ source: 'health-births', line: 5, role: 'mother', name: '赵敏', community: C2 }),
      rec({
        source: 'police-changes',
        line: 8,
        name: '孙小明',
        eventType: 'birth',
        eventDate: '2026-09-03',
        birthDate: '2026-09-01',
        community: C2,
      }),
    ]
    const cases = reconcile(input(records, [[0, 2]]), [births], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.community).toBe(C2)
    expect(cases[0]?.records.map((r) => `${r.part} ${r.ref}`)).toEqual([
      'subject health-births.csv:5:child',
      'subject police-changes.csv:8:subject',
      'context health-births.csv:5:mother',
    ])
  })

  it('raises no birth case when the child is in the register', () => {
    const records = [
      rec({ source: 'health-births', line: 5, role: 'child', eventType: 'birth', birthDate: '2026-09-01' }),
      rec({ source: 'health-births', line: 5, role: 'mother', community: C2 }),
      rec({ source: 'register-births', line: 2, role: 'child', birthDate: '2026-09-01' }),
    ]
    expect(reconcile(input(records, [[0, 2]]), [births], opts)).toEqual([])
  })
})

describe('who counts as living here', () => {
  it('places a bride through another record of her person, but not through a cancelled one', () => {
    const local = rec({ source: 'police-snapshot', line: 30, status: 'active', community: C1 })
    const gone = rec({
      source: 'police-snapshot',
      line: 30,
      status: 'cancelled',
      statusReason: '迁出',
      community: C1,
    })
    const placed = reconcile(input([...marriage('1998-03-02'), local], [[1, 2]]), [newlywed], opts)
    expect(placed).toHaveLength(1)
    // The police record places her, so it also says who visits.
    expect(placed[0]?.community).toBe(C1)
    expect(reconcile(input([...marriage('1998-03-02'), gone], [[1, 2]]), [newlywed], opts)).toEqual([])
  })

  it('places a bride through her husband’s person when he is known to a local source', () => {
    const husband = rec({
      source: 'register-persons',
      line: 40,
      status: 'active',
      maritalStatus: 'married',
      community: C2,
    })
    const cases = reconcile(input([...marriage('1998-03-02'), husband], [[0, 2]]), [newlywed], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.community).toBe(C2)
  })
})

describe('births whose certificate names no child', () => {
  const check: MissingCheck = { ...births, in: [...births.in, { sources: ['register-persons'] }] }
  /** A certificate row of 2026-09-01 with no child record (ingest records nobody unnamed): mother 0, father 1. */
  const certificate = () => {
    const event = { eventType: 'birth' as const, eventDate: '2026-09-01' }
    return [
      rec({ source: 'health-births', line: 7, role: 'mother', name: '赵敏', community: C2, ...event }),
      rec({ source: 'health-births', line: 7, role: 'father', name: '孙强', ...event }),
    ]
  }

  it('reports the birth through its mother when no register knows a child of that date', () => {
    const cases = reconcile(input(certificate()), [check], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.community).toBe(C2)
    expect(cases[0]?.records.map((r) => `${r.part} ${r.ref}`)).toEqual([
      'subject health-births.csv:7:mother',
      'context health-births.csv:7:father',
    ])
    expect(cases[0]?.reason).toBe(
      '卫生出生医学证明母亲 赵敏 的新生儿（未取名，2026-09-01 出生）在计生生育信息/全员人口库中未找到匹配记录',
    )
  })

  it('checks it through the mother when ingest keeps the unnamed child as a record without name or ID', () => {
    const event = { eventType: 'birth' as const, eventDate: '2026-09-01' }
    const unnamed = rec({
      source: 'health-births',
      line: 7,
      role: 'child',
      sex: 'female',
      birthDate: '2026-09-01',
      ...event,
    })
    const listed = [
      ...certificate(),
      unnamed,
      rec({ source: 'register-births', line: 3, role: 'mother', name: '赵敏' }),
      rec({ source: 'register-births', line: 3, role: 'child', name: '孙悦', birthDate: '2026-09-03' }),
    ]
    expect(reconcile(input(listed, [[0, 3]]), [check], opts)).toEqual([])
    const unlisted = reconcile(input([...certificate(), unnamed]), [check], opts)
    expect(unlisted.map((c) => c.records.filter((r) => r.part === 'subject').map((r) => r.ref))).toEqual([
      ['health-births.csv:7:mother'],
    ])
  })

  it('counts the birth as reported when the register lists her child born within a month of it', () => {
    const records = [
      ...certificate(),
      rec({ source: 'register-births', line: 3, role: 'mother', name: '赵敏' }),
      rec({ source: 'register-births', line: 3, role: 'child', name: '孙悦', birthDate: '2026-09-03' }),
    ]
    expect(reconcile(input(records, [[0, 2]]), [check], opts)).toEqual([])
    // An older child of hers is not this birth.
    const older = records.map((r) => (r.role === 'child' ? { ...r, birthDate: '2023-05-01' } : r))
    expect(reconcile(input(older, [[0, 2]]), [check], opts)).toHaveLength(1)
  })

  it('counts the birth as reported when the register entered a child of that date in the father’s household', () => {
    const father = rec({ source: 'register-persons', line: 20, name: '孙强', householdNo: '001102560' })
    const child = rec({ source: 'register-persons', line: 21, name: '孙悦', householdNo: '001102560' })
    const born = (d: string) => [...certificate(), father, { ...child, birthDate: d }]
    expect(reconcile(input(born('2026-08-30'), [[1, 2]]), [check], opts)).toEqual([])
    expect(reconcile(input(born('2024-08-30'), [[1, 2]]), [check], opts)).toHaveLength(1)
    // A 流入 family has no 户号: the child entered at the parents' flat counts the same.
    const flat = '文化路209号院12幢4单元1302室'
    const atFlat = [
      ...certificate(),
      rec({ source: 'register-persons', line: 20, name: '孙强', dwelling: flat }),
      rec({ source: 'register-persons', line: 21, name: '孙悦', dwelling: flat, birthDate: '2026-09-01' }),
    ]
    expect(reconcile(input(atFlat, [[1, 2]]), [check], opts)).toEqual([])
  })

  it('leaves the birth to the police feed’s case when the police registered the child in the family’s household', () => {
    const records = [
      ...certificate(),
      rec({ source: 'police-snapshot', line: 9, name: '赵敏', householdNo: '005102106', community: C2 }),
      rec({
        source: 'police-changes',
        line: 4,
        name: '孙悦',
        householdNo: '005102106',
        eventType: 'birth',
        eventDate: '2026-09-05',
        birthDate: '2026-09-01',
        community: C2,
      }),
    ]
    const cases = reconcile(input(records, [[0, 2]]), [check], opts)
    expect(cases.map((c) => c.records.filter((r) => r.part === 'subject').map((r) => r.ref))).toEqual([
      ['police-changes.csv:4:subject'],
    ])
  })
})
