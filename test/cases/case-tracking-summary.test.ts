import { describe, expect, it } from 'vitest'
import type { CasePeriodEntry } from '../../src/cases/case-period-entry.js'
import { countByCheckAndCommunity, summarizeTracking } from '../../src/cases/case-tracking-summary.js'

const e = (
  key: string,
  checkId: string,
  community: string | null,
  over: Partial<CasePeriodEntry> = {},
): CasePeriodEntry => ({
  key,
  checkId,
  checkName: checkId,
  community,
  review: false,
  reason: '',
  status: 'new',
  evidence: 'x',
  decision: null,
  decisionId: null,
  evidenceChanged: false,
  reopened: false,
  note: null,
  ...over,
})

const previous = [
  e('d:1', 'duplicate', 'c1'),
  e('d:2', 'duplicate', 'c1'),
  e('d:3', 'duplicate', 'c2', { status: 'suppressed' }),
  e('i:1', 'invalid-id', null, { status: 'carried' }),
]
const current = [
  e('d:1', 'duplicate', 'c1', { status: 'carried', decision: 'confirmed' }),
  e('d:4', 'duplicate', 'c2', { evidenceChanged: true, decision: 'false-positive' }),
  e('d:3', 'duplicate', 'c2', { status: 'suppressed' }),
  e('d:2', 'duplicate', 'c1', { status: 'closed', evidence: null }),
  e('i:1', 'invalid-id', null, { status: 'carried', reopened: true, decision: 'fixed' }),
]

describe('summarizeTracking', () => {
  it('counts each status and flag once', () => {
    expect(summarizeTracking('2026-11', '2026-10', current)).toEqual({
      period: '2026-11',
      previousPeriod: '2026-10',
      listed: 3,
      new: 1,
      carried: 2,
      closed: 1,
      suppressed: 1,
      evidenceChanged: 1,
      reopened: 1,
      decided: 3,
    })
  })
})

describe('countByCheckAndCommunity', () => {
  it('counts per check and community against what was listed the month before, in the pipeline’s check order, 未能定位 last', () => {
    expect(countByCheckAndCommunity(current, previous, ['invalid-id', 'duplicate'])).toEqual([
      {
        checkId: 'invalid-id',
        community: null,
        listed: 1,
        previousListed: 1,
        new: 0,
        carried: 1,
        closed: 0,
        suppressed: 0,
      },
      {
        checkId: 'duplicate',
        community: 'c1',
        listed: 1,
        previousListed: 2,
        new: 0,
        carried: 1,
        closed: 1,
        suppressed: 0,
      },
      // d:3 was suppressed last month: not listed then either.
      {
        checkId: 'duplicate',
        community: 'c2',
        listed: 1,
        previousListed: 0,
        new: 1,
        carried: 0,
        closed: 0,
        suppressed: 1,
      },
    ])
  })
})
