import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { evidenceFingerprint, probabilityBand } from '../../src/cases/evidence-fingerprint.js'
import type { ConflictCheck } from '../../src/reconcile/check.js'
import { reconcile } from '../../src/reconcile/reconcile.js'
import type { LinkedPair, ReconcileRecord } from '../../src/reconcile/reconcile-input.js'
import { input, rec } from '../reconcile/build-input.js'

const conflict: ConflictCheck = {
  id: 'conflict',
  name: '信息不一致',
  label: 'conflicting fields',
  kind: 'conflict',
  target: [{ sources: ['register-persons'] }],
  authority: [{ sources: ['police-snapshot'] }],
  fields: [
    { field: 'name', tolerance: 'exact' },
    { field: 'birthDate', withinDays: 0 },
  ],
}
const thresholds = { accept: 0.95, review: 0.5 }

// Fingerprints are natural keys (here fixed, as recordNo/documentNo would be), not file:line.
const register = (over: object = {}) =>
  rec({
    source: 'register-persons',
    line: 20,
    fingerprint: 'register-persons|subject|recordNo:JS1',
    name: '钱率',
    birthDate: '1999-07-09',
    community: '410105001003',
    ...over,
  })
const police = (over: object = {}) =>
  rec({
    source: 'police-snapshot',
    line: 19,
    fingerprint: 'police-snapshot|subject|recordNo:P1',
    name: '钱帅',
    birthDate: '1999-07-09',
    ...over,
  })

/** The one conflict case of a register and a police record linked with probability `p`, and its fingerprint. */
function fingerprintOf(records: ReconcileRecord[], p = 0.99): { key: string; evidence: string } {
  const pairs: LinkedPair[] = [{ left: 0, right: 1, band: 'accept', probability: p }]
  const inp = {
    ...input(records),
    person: Int32Array.from([0, 0, ...records.slice(2).map((_, i) => i + 2)]),
    pairs,
  }
  const cases = reconcile(inp, [conflict], { period: '2026-10' })
  expect(cases).toHaveLength(1)
  const c = cases[0] as (typeof cases)[number]
  return { key: c.key, evidence: evidenceFingerprint(c, inp.records, thresholds) }
}

describe('evidenceFingerprint', () => {
  const base = fingerprintOf([register(), police()])

  it('is the same next month when only files, lines, communities and addresses moved', () => {
    const moved = fingerprintOf([
      register({
        file: 'register-persons-2026-11.csv',
        line: 977,
        community: '410105001006',
        dwelling: '丰产路1号',
      }),
      police({ file: 'police-snapshot-2026-11.csv', line: 3 }),
    ])
    expect(moved).toEqual(base)
  })

  it('changes when a compared value changes, while the case key stays', () => {
    const other = fingerprintOf([register({ name: '钱蟀' }), police()])
    expect(other.key).toBe(base.key)
    expect(other.evidence).not.toBe(base.evidence)
    const date = fingerprintOf([register({ birthDate: '1999-07-10' }), police()])
    expect(date.evidence).not.toBe(base.evidence)
    expect(date.evidence).not.toBe(other.evidence)
  })

  it('changes when the authority record behind the case is another one', () => {
    const other = fingerprintOf([register(), police({ fingerprint: 'police-snapshot|subject|recordNo:P2' })])
    expect(other.key).toBe(base.key)
    expect(other.evidence).not.toBe(base.evidence)
  })

  it('keeps the probability band, not the probability: retraining moves it a little', () => {
    expect(fingerprintOf([register(), police()], 0.97).evidence).toBe(base.evidence)
    expect(fingerprintOf([register(), police()], 0.9).evidence).not.toBe(base.evidence)
  })

  test.prop([fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'bands are ordered like probabilities',
    (a, b) => {
      const rank = { none: -1, below: 0, review: 1, accept: 2 } as const
      if (a <= b)
        expect(rank[probabilityBand(a, thresholds)]).toBeLessThanOrEqual(rank[probabilityBand(b, thresholds)])
    },
  )
})
