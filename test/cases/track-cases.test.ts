import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import type { DecisionEntry } from '../../src/cases/case-decision.js'
import type { CasePeriodEntry } from '../../src/cases/case-period-entry.js'
import { isOpen } from '../../src/cases/case-status.js'
import { type DetectedCase, trackCases } from '../../src/cases/track-cases.js'

const detected = (key: string, evidence = `e-${key}`): DetectedCase => ({
  key,
  checkId: key.split(':')[0] as string,
  checkName: '重复建档',
  community: '410105001001',
  review: false,
  reason: `reason of ${key}`,
  evidence,
})

let nextId = 1
const decision = (
  caseKey: string,
  d: DecisionEntry['decision'],
  period: string,
  evidence: string | null = `e-${caseKey}`,
): DecisionEntry => ({
  id: nextId++,
  caseKey,
  period,
  decision: d,
  by: '李娜',
  at: `${period}-28T09:00:00.000Z`,
  note: d === 'false-positive' ? '同名不同人' : null,
  evidence,
})

const byKey = (entries: readonly CasePeriodEntry[]) => new Map(entries.map((e) => [e.key, e]))

describe('trackCases', () => {
  it('follows cases across three months: new, carried, closed, and new again after closing', () => {
    const oct = trackCases({
      period: '2026-10',
      detected: [detected('duplicate:a'), detected('duplicate:b')],
      previous: null,
      decisions: new Map(),
    })
    expect(oct.map((e) => [e.key, e.status])).toEqual([
      ['duplicate:a', 'new'],
      ['duplicate:b', 'new'],
    ])
    const nov = trackCases({
      period: '2026-11',
      detected: [detected('duplicate:a'), detected('duplicate:c')],
      previous: oct,
      decisions: new Map(),
    })
    expect(nov.map((e) => [e.key, e.status])).toEqual([
      ['duplicate:a', 'carried'],
      ['duplicate:c', 'new'],
      ['duplicate:b', 'closed'],
    ])
    // The closed case keeps what officers need to find it, without evidence (not detected).
    const b = byKey(nov).get('duplicate:b')
    expect(b).toMatchObject({ reason: 'reason of duplicate:b', community: '410105001001', evidence: null })
    const dec = trackCases({
      period: '2026-12',
      detected: [detected('duplicate:b'), detected('duplicate:c')],
      previous: nov,
      decisions: new Map(),
    })
    expect(dec.map((e) => [e.key, e.status])).toEqual([
      ['duplicate:b', 'new'],
      ['duplicate:c', 'carried'],
      ['duplicate:a', 'closed'],
    ])
  })

  it('does not close a case twice: a case closed last month is not carried into this month', () => {
    const prev: CasePeriodEntry[] = trackCases({
      period: '2026-11',
      detected: [],
      previous: trackCases({
        period: '2026-10',
        detected: [detected('x:1')],
        previous: null,
        decisions: new Map(),
      }),
      decisions: new Map(),
    })
    expect(prev.map((e) => e.status)).toEqual(['closed'])
    expect(trackCases({ period: '2026-12', detected: [], previous: prev, decisions: new Map() })).toEqual([])
  })

  it('suppresses a false positive while its evidence is unchanged and lists it again, flagged, when it changes', () => {
    const oct = trackCases({
      period: '2026-10',
      detected: [detected('x:1')],
      previous: null,
      decisions: new Map(),
    })
    const fp = decision('x:1', 'false-positive', '2026-10')
    const decisions = new Map([['x:1', fp]])
    const same = trackCases({ period: '2026-11', detected: [detected('x:1')], previous: oct, decisions })
    expect(same).toEqual([
      expect.objectContaining({
        key: 'x:1',
        status: 'suppressed',
        decision: 'false-positive',
        decisionId: fp.id,
      }),
    ])
    expect(same[0]?.note).toContain('同名不同人')
    const changed = trackCases({
      period: '2026-12',
      detected: [detected('x:1', 'other evidence')],
      previous: same,
      decisions,
    })
    // Suppressed last month is not open, so listing it again makes it new, flagged 证据已变化.
    expect(changed).toEqual([
      expect.objectContaining({ status: 'new', evidenceChanged: true, decision: 'false-positive' }),
    ])
    expect(changed[0]?.note).toContain('证据已变化')
  })

  it('closes nothing for a suppressed case that goes away: it was not open', () => {
    const fp = decision('x:1', 'false-positive', '2026-10')
    const oct = trackCases({
      period: '2026-10',
      detected: [detected('x:1')],
      previous: null,
      decisions: new Map([['x:1', fp]]),
    })
    expect(oct[0]?.status).toBe('suppressed')
    expect(
      trackCases({ period: '2026-11', detected: [], previous: oct, decisions: new Map([['x:1', fp]]) }),
    ).toEqual([])
  })

  it('reopens a case marked fixed that is detected in a later month, but not in its decision month', () => {
    const fixed = decision('x:1', 'fixed', '2026-10')
    const decisions = new Map([['x:1', fixed]])
    const oct = trackCases({ period: '2026-10', detected: [detected('x:1')], previous: null, decisions })
    expect(oct[0]).toMatchObject({ status: 'new', decision: 'fixed', reopened: false })
    const nov = trackCases({ period: '2026-11', detected: [detected('x:1')], previous: oct, decisions })
    expect(nov[0]).toMatchObject({ status: 'carried', decision: 'fixed', reopened: true })
    expect(nov[0]?.note).toContain('重新打开')
    // Fixed and no longer detected: closed, the decision shown.
    const dec = trackCases({ period: '2026-12', detected: [], previous: nov, decisions })
    expect(dec[0]).toMatchObject({ status: 'closed', decision: 'fixed', reopened: false })
  })

  it('keeps a confirmed case open until it is no longer detected', () => {
    const decisions = new Map([['x:1', decision('x:1', 'confirmed', '2026-10')]])
    const oct = trackCases({ period: '2026-10', detected: [detected('x:1')], previous: null, decisions })
    const nov = trackCases({
      period: '2026-11',
      detected: [detected('x:1', 'changed')],
      previous: oct,
      decisions,
    })
    expect(nov[0]).toMatchObject({ status: 'carried', decision: 'confirmed', evidenceChanged: false })
    const dec = trackCases({ period: '2026-12', detected: [], previous: nov, decisions })
    expect(dec[0]).toMatchObject({ status: 'closed', decision: 'confirmed' })
  })

  it('refuses a key detected twice', () => {
    expect(() =>
      trackCases({
        period: '2026-10',
        detected: [detected('x:1'), detected('x:1')],
        previous: null,
        decisions: new Map(),
      }),
    ).toThrow(RangeError)
  })

  const keys = fc
    .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 })
    .map((ns) => ns.map((n) => `k:${n}`))
  test.prop([keys, keys, fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 })])(
    'every case open last month is carried or closed; every other case detected is new or suppressed; same inputs, same snapshot',
    (before, now, fpKeys) => {
      const decisions = new Map(
        fpKeys.map((n): [string, DecisionEntry] => [
          `k:${n}`,
          decision(`k:${n}`, 'false-positive', '2026-10'),
        ]),
      )
      const prev = trackCases({
        period: '2026-10',
        detected: before.map((k) => detected(k)),
        previous: null,
        decisions: new Map(),
      })
      const input = { period: '2026-11', detected: now.map((k) => detected(k)), previous: prev, decisions }
      const out = trackCases(input)
      expect(trackCases(input)).toEqual(out)
      const m = byKey(out)
      expect(m.size).toBe(out.length)
      for (const k of before) {
        const s = m.get(k)?.status
        if (now.includes(k)) expect(['carried', 'suppressed']).toContain(s)
        else expect(s).toBe('closed')
      }
      for (const k of now) {
        const e = m.get(k) as CasePeriodEntry
        if (decisions.has(k)) expect(e.status).toBe('suppressed')
        else expect(e.status).toBe(before.includes(k) ? 'carried' : 'new')
      }
      expect(out.filter((e) => isOpen(e.status)).length).toBe(now.filter((k) => !decisions.has(k)).length)
    },
  )
})
