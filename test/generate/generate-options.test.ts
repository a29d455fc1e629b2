import { describe, expect, it } from 'vitest'
import { GenerateOptionsError } from '../../src/errors/generate-errors.js'
import { resolveGenerateOptions } from '../../src/generate/generate-options.js'

describe('resolveGenerateOptions', () => {
  it('fills the default of one event month', () => {
    const o = resolveGenerateOptions({
      persons: 5000,
      seed: 1,
      period: '2026-10',
      profile: 'normal',
      out: 'x',
    })
    expect(o.eventMonths).toBe(1)
    expect([o.periodYear, o.periodMonth]).toEqual([2026, 10])
  })

  it('reports every bad option at once with expected and got', () => {
    try {
      resolveGenerateOptions({
        persons: 10,
        seed: 1,
        period: '2026-13',
        profile: 'dirty' as 'normal',
        out: '',
        eventMonths: 0,
      })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(GenerateOptionsError)
      const err = e as GenerateOptionsError
      expect(err.code).toBe('GENERATE_BAD_OPTIONS')
      expect(err.problems.map((p) => p.option)).toEqual([
        '--persons',
        '--period',
        '--profile',
        '--event-months',
        '--out',
      ])
      expect(err.problems[1]?.got).toBe('"2026-13"')
    }
  })
})
