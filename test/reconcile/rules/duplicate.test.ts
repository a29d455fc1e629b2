import { describe, expect, it } from 'vitest'
import type { DuplicateCheck } from '../../../src/reconcile/check.js'
import { reconcile } from '../../../src/reconcile/reconcile.js'
import { input, rec } from '../build-input.js'

const duplicate: DuplicateCheck = {
  id: 'duplicate',
  name: '重复建档',
  label: 'duplicate record',
  kind: 'duplicate',
  of: [{ sources: ['register-persons'] }],
}
const opts = { period: '2026-10' }

function register(line: number, status: 'active' | 'cancelled' | null, community: string) {
  return rec({ source: 'register-persons', line, name: '张伟', birthDate: '1985-01-20', status, community })
}

describe('duplicate cases', () => {
  it('reports a person with two active register records, placed by the first record', () => {
    const records = [register(7, 'active', '410105001002'), register(4, 'active', '410105001001')]
    const cases = reconcile(input(records, [[0, 1]]), [duplicate], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.review).toBe(false)
    expect(cases[0]?.probability).toBe(0.99)
    // Records in ref order, so line 4 comes first and gives the community.
    expect(cases[0]?.records.map((r) => r.ref)).toEqual([
      'register-persons.csv:4:subject',
      'register-persons.csv:7:subject',
    ])
    expect(cases[0]?.community).toBe('410105001001')
    expect(cases[0]?.reason).toBe('张伟 (1985-01-20) 在全员人口库中有 2 条有效记录')
  })

  it('counts a record without a status as active', () => {
    const records = [register(4, null, '410105001001'), register(7, 'active', '410105001001')]
    expect(reconcile(input(records, [[0, 1]]), [duplicate], opts)).toHaveLength(1)
  })

  it('raises nothing when all but one of the records are cancelled', () => {
    const records = [
      register(4, 'cancelled', '410105001001'),
      register(7, 'active', '410105001002'),
      register(9, 'cancelled', '410105001003'),
    ]
    expect(reconcile(input(records, [[0, 1, 2]]), [duplicate], opts)).toEqual([])
  })

  it('ignores a person holding one register record and records of other sources', () => {
    const records = [
      register(4, 'active', '410105001001'),
      rec({ source: 'police-snapshot', line: 4, status: 'active', name: '张伟' }),
    ]
    expect(reconcile(input(records, [[0, 1]]), [duplicate], opts)).toEqual([])
  })

  it('makes a 待人工确认 case for two active records of different persons in a review pair', () => {
    const records = [register(4, 'active', '410105001001'), register(7, 'active', '410105001002')]
    const cases = reconcile(
      input(records, [], [{ left: 1, right: 0, band: 'review', probability: 0.71 }]),
      [duplicate],
      opts,
    )
    expect(cases).toHaveLength(1)
    expect(cases[0]?.review).toBe(true)
    expect(cases[0]?.probability).toBe(0.71)
    expect(cases[0]?.reason).toContain('疑似重复建档（匹配概率 0.710），待人工确认')
  })

  it('gives the confirmed and the 待人工确认 case of the same records the same key', () => {
    const records = [register(4, 'active', '410105001001'), register(7, 'active', '410105001002')]
    const confirmed = reconcile(input(records, [[0, 1]]), [duplicate], opts)
    const doubtful = reconcile(
      input(records, [], [{ left: 0, right: 1, band: 'review', probability: 0.7 }]),
      [duplicate],
      opts,
    )
    expect(confirmed[0]?.key).toBe(doubtful[0]?.key)
  })
})
