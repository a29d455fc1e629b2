import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDistrict } from '../../src/generate/generate-district.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bidui-profiles-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('noise profiles end to end', () => {
  it('writes no malformed rows when clean and more discrepancies per person the harder the profile', async () => {
    const run = (profile: 'clean' | 'normal' | 'hard') =>
      generateDistrict({
        persons: 2000,
        seed: 5,
        period: '2026-03',
        profile,
        eventMonths: 6,
        out: path.join(tmp, profile),
      })
    const [clean, normal, hard] = [await run('clean'), await run('normal'), await run('hard')]
    expect(clean.truth.malformed).toBe(0)
    const total = (s: typeof clean) => Object.values(s.truth.discrepancies).reduce((a, b) => a + b, 0)
    expect(total(clean)).toBeLessThan(total(normal))
    expect(total(normal)).toBeLessThan(total(hard))
    // The simulated truth does not depend on the profile: the same people, only their records differ.
    expect(clean.population).toEqual(hard.population)
  }, 30_000)
})
