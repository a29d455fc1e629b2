import { describe, expect, it } from 'vitest'
import type { DecisionEntry } from '../../src/cases/case-decision.js'
import { decisionsInForce } from '../../src/cases/decisions-in-force.js'

const entry = (
  id: number,
  caseKey: string,
  period: string,
  decision: DecisionEntry['decision'],
): DecisionEntry => ({
  id,
  caseKey,
  period,
  decision,
  by: 'wang',
  at: '2026-11-02T00:00:00.000Z',
  note: null,
  evidence: null,
})

describe('decisionsInForce', () => {
  const log = [
    entry(1, 'a', '2026-10', 'confirmed'),
    entry(2, 'a', '2026-11', 'fixed'),
    entry(3, 'b', '2026-11', 'false-positive'),
    entry(4, 'a', '2026-10', 'false-positive'),
  ]

  it('takes the latest decision made for the month or earlier', () => {
    const nov = decisionsInForce(log, '2026-11')
    expect(nov.get('a')?.id).toBe(4)
    expect(nov.get('b')?.id).toBe(3)
  })

  it('does not let a decision made on a later month rewrite an earlier month', () => {
    const oct = decisionsInForce(log, '2026-10')
    expect(oct.get('a')?.id).toBe(4)
    expect(oct.has('b')).toBe(false)
    expect(decisionsInForce(log, '2026-09').size).toBe(0)
  })
})
