import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CasePeriodEntry } from '../../src/cases/case-period-entry.js'
import {
  appendDecisions,
  findPreviousTrackedPeriod,
  listCaseMonths,
  listLaterTrackedPeriods,
  readCasePeriod,
  readDecisionLog,
  readDecisions,
  readFirstSeen,
  readMonthOverMonth,
  replaceCasePeriod,
} from '../../src/store/cases.repository.js'
import { openStore, type Store } from '../../src/store/open-store.js'

// Every store test runs on each engine available; PostgreSQL joins when issue 6 adds it.
const dialects = ['sqlite'] as const

const scope = { pipeline: 'demo', county: '410105' }
const month = (period: string) => ({ ...scope, period })

const entry = (key: string, over: Partial<CasePeriodEntry> = {}): CasePeriodEntry => ({
  key,
  checkId: key.split(':')[0] as string,
  checkName: '重复建档',
  community: '410105001001',
  review: false,
  reason: `reason ${key}`,
  status: 'new',
  evidence: `ev-${key}`,
  decision: null,
  decisionId: null,
  evidenceChanged: false,
  reopened: false,
  note: null,
  ...over,
})

describe.each(dialects)('cases repository (%s)', () => {
  let store: Store
  beforeEach(async () => {
    store = await openStore(':memory:')
  })
  afterEach(async () => {
    await store.close()
  })

  it('replaces a month’s snapshot on a re-run: the same rows, in order, once', async () => {
    const rows = [
      entry('duplicate:b', { review: true, community: null }),
      entry('duplicate:a', { status: 'suppressed', decision: 'false-positive', decisionId: 7, note: '误报' }),
    ]
    await replaceCasePeriod(store.db, month('2026-10'), rows, null, new Date('2026-11-01T00:00:00Z'))
    await replaceCasePeriod(store.db, month('2026-10'), rows, null, new Date('2026-11-02T00:00:00Z'))
    expect(await readCasePeriod(store.db, month('2026-10'))).toEqual(rows)
    const snap = await store.db.selectFrom('case_snapshot').selectAll().execute()
    expect(snap).toEqual([
      { ...month('2026-10'), previous_period: null, tracked_at: '2026-11-02T00:00:00.000Z' },
    ])
  })

  it('keeps each case’s first and last detected month right, also after re-running a month', async () => {
    const t = new Date(0)
    await replaceCasePeriod(store.db, month('2026-10'), [entry('x:1'), entry('x:2')], null, t)
    await replaceCasePeriod(
      store.db,
      month('2026-11'),
      [entry('x:1', { status: 'carried' }), entry('x:2', { status: 'closed', evidence: null })],
      '2026-10',
      t,
    )
    await replaceCasePeriod(store.db, month('2026-12'), [entry('x:1', { status: 'carried' })], '2026-11', t)
    const rows = () =>
      store.db
        .selectFrom('tracked_case')
        .select(['case_key', 'first_period', 'last_period'])
        .orderBy('case_key')
        .execute()
    expect(await rows()).toEqual([
      { case_key: 'x:1', first_period: '2026-10', last_period: '2026-12' },
      // Closed in November: last detected in October.
      { case_key: 'x:2', first_period: '2026-10', last_period: '2026-10' },
    ])
    // December re-run without x:1: its last month goes back to November.
    await replaceCasePeriod(store.db, month('2026-12'), [], '2026-11', t)
    expect((await rows())[0]).toEqual({ case_key: 'x:1', first_period: '2026-10', last_period: '2026-11' })
    expect(await readFirstSeen(store.db, scope)).toEqual(
      new Map([
        ['x:1', '2026-10'],
        ['x:2', '2026-10'],
      ]),
    )
    expect(await findPreviousTrackedPeriod(store.db, month('2026-12'))).toBe('2026-11')
    expect(await findPreviousTrackedPeriod(store.db, month('2026-10'))).toBeUndefined()
    expect(await listLaterTrackedPeriods(store.db, month('2026-10'))).toEqual(['2026-11', '2026-12'])
    expect(await listCaseMonths(store.db, scope, 'x:2')).toEqual([
      { period: '2026-10', status: 'new' },
      { period: '2026-11', status: 'closed' },
    ])
  })

  it('appends decisions, each with the one before it, and never changes a logged row', async () => {
    const at = (d: string) => new Date(`${d}T08:00:00Z`)
    const first = await appendDecisions(
      store.db,
      month('2026-10'),
      [{ caseKey: 'x:1', decision: 'confirmed', by: '王芳', note: null, evidence: 'e1', via: 'decide' }],
      at('2026-11-02'),
    )
    const before = await readDecisionLog(store.db, scope)
    const second = await appendDecisions(
      store.db,
      month('2026-11'),
      [
        {
          caseKey: 'x:1',
          decision: 'false-positive',
          by: '李娜',
          note: '同名',
          evidence: 'e2',
          via: 'decide --file d.csv:2',
        },
        {
          caseKey: 'x:1',
          decision: 'fixed',
          by: '李娜',
          note: null,
          evidence: 'e2',
          via: 'decide --file d.csv:3',
        },
        {
          caseKey: 'x:2',
          decision: 'fixed',
          by: '李娜',
          note: null,
          evidence: null,
          via: 'decide --file d.csv:4',
        },
      ],
      at('2026-12-01'),
    )
    expect(first.map((d) => d.previous)).toEqual([null])
    expect(second.map((d) => d.previous)).toEqual(['confirmed', 'false-positive', null])
    const log = await readDecisionLog(store.db, scope)
    expect(log.slice(0, before.length)).toEqual(before)
    expect(
      log.map((r) => [r.case_key, r.period, r.decision, r.decided_by, r.previous_decision, r.via]),
    ).toEqual([
      ['x:1', '2026-10', 'confirmed', '王芳', null, 'decide'],
      ['x:1', '2026-11', 'false-positive', '李娜', 'confirmed', 'decide --file d.csv:2'],
      ['x:1', '2026-11', 'fixed', '李娜', 'false-positive', 'decide --file d.csv:3'],
      ['x:2', '2026-11', 'fixed', '李娜', null, 'decide --file d.csv:4'],
    ])
    expect(log[1]).toMatchObject({ note: '同名', evidence: 'e2', decided_at: '2026-12-01T08:00:00.000Z' })
    expect((await readDecisions(store.db, scope, '2026-10')).map((d) => d.id)).toEqual([first[0]?.id])
    expect(await readDecisionLog(store.db, scope, 'x:2')).toHaveLength(1)
  })
})

describe.each(dialects)('month-over-month counts from the store (%s)', () => {
  it('compares a month with the month it was tracked against', async () => {
    const store = await openStore(':memory:')
    try {
      const t = new Date(0)
      expect(await readMonthOverMonth(store.db, month('2026-10'), ['duplicate'])).toBeUndefined()
      await replaceCasePeriod(
        store.db,
        month('2026-10'),
        [entry('duplicate:a'), entry('duplicate:b')],
        null,
        t,
      )
      await replaceCasePeriod(
        store.db,
        month('2026-11'),
        [
          entry('duplicate:a', { status: 'carried' }),
          entry('duplicate:b', { status: 'closed', evidence: null }),
        ],
        '2026-10',
        t,
      )
      expect(await readMonthOverMonth(store.db, month('2026-11'), ['duplicate'])).toEqual({
        previousPeriod: '2026-10',
        counts: [
          {
            checkId: 'duplicate',
            community: '410105001001',
            listed: 1,
            previousListed: 2,
            new: 0,
            carried: 1,
            closed: 1,
            suppressed: 0,
          },
        ],
      })
    } finally {
      await store.close()
    }
  })
})
