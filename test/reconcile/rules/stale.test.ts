import { describe, expect, it } from 'vitest'
import type { StaleCheck } from '../../../src/reconcile/check.js'
import { reconcile } from '../../../src/reconcile/reconcile.js'
import { input, rec } from '../build-input.js'

const death: StaleCheck = {
  id: 'stale-death',
  name: '死亡未注销',
  label: 'death not recorded',
  kind: 'stale',
  target: [{ sources: ['register-persons'] }],
  evidence: [
    { sources: ['police-changes'], eventTypes: ['death'] },
    { sources: ['police-snapshot'], statuses: ['cancelled'], statusReasons: ['死亡'] },
  ],
  revokedBy: [],
}
const moveOut: StaleCheck = {
  id: 'stale-move-out',
  name: '迁出未注销',
  label: 'move-out not recorded',
  kind: 'stale',
  target: [{ sources: ['register-persons'] }],
  evidence: [{ sources: ['police-changes'], eventTypes: ['move-out'] }],
  revokedBy: [{ sources: ['police-changes'], eventTypes: ['move-in'] }],
}
const opts = { period: '2026-10' }

const register = (status: 'active' | 'cancelled' = 'active') =>
  rec({
    source: 'register-persons',
    line: 85,
    name: '赵丽',
    birthDate: '1960-06-24',
    status,
    community: '410105001002',
  })
const change = (line: number, eventType: 'death' | 'move-out' | 'move-in', eventDate: string) =>
  rec({ source: 'police-changes', line, name: '赵丽', eventType, eventDate })

describe('stale cases', () => {
  it('reports an active register record of a person police record as dead', () => {
    const cases = reconcile(input([register(), change(30, 'death', '2026-03-05')], [[0, 1]]), [death], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.community).toBe('410105001002')
    expect(cases[0]?.probability).toBe(0.99)
    expect(cases[0]?.records.map((r) => `${r.part} ${r.ref}`)).toEqual([
      'subject register-persons.csv:85:subject',
      'evidence police-changes.csv:30:subject',
    ])
    expect(cases[0]?.reason).toBe(
      '全员人口库 赵丽 (1960-06-24) 仍为正常，但公安户籍变动记载其死亡（2026-03-05）',
    )
  })

  it('takes a cancelled snapshot record with reason 死亡 as evidence', () => {
    const snapshot = rec({ source: 'police-snapshot', line: 85, status: 'cancelled', statusReason: '死亡' })
    const cases = reconcile(input([register(), snapshot], [[0, 1]]), [death], opts)
    expect(cases[0]?.reason).toContain('公安常住人口记载其注销（死亡）')
  })

  it('raises nothing when the register record is already cancelled', () => {
    expect(
      reconcile(input([register('cancelled'), change(30, 'death', '2026-03-05')], [[0, 1]]), [death], opts),
    ).toEqual([])
  })

  it('raises nothing for a move-out undone by a later move back in, but does for an earlier one', () => {
    const back = [register(), change(30, 'move-out', '2026-02-01'), change(31, 'move-in', '2026-05-01')]
    expect(reconcile(input(back, [[0, 1, 2]]), [moveOut], opts)).toEqual([])
    const gone = [register(), change(30, 'move-out', '2026-05-01'), change(31, 'move-in', '2026-02-01')]
    expect(reconcile(input(gone, [[0, 1, 2]]), [moveOut], opts)).toHaveLength(1)
  })

  it('does not take a death for a move-out', () => {
    expect(
      reconcile(input([register(), change(30, 'death', '2026-03-05')], [[0, 1]]), [moveOut], opts),
    ).toEqual([])
  })

  it('makes a 待人工确认 case when the death record is only in a review pair', () => {
    const records = [register(), change(30, 'death', '2026-03-05')]
    const cases = reconcile(
      input(records, [], [{ left: 0, right: 1, band: 'review', probability: 0.58 }]),
      [death],
      opts,
    )
    expect(cases).toHaveLength(1)
    expect(cases[0]?.review).toBe(true)
    expect(cases[0]?.probability).toBe(0.58)
    expect(cases[0]?.records.find((r) => r.part === 'counterpart')?.ref).toBe('police-changes.csv:30:subject')
  })
})
