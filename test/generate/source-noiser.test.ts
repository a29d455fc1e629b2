import { describe, expect, it } from 'vitest'
import { dayNumber } from '../../src/domain/day-number.js'
import { hasValidCheckChar } from '../../src/domain/resident-id.js'
import { createRng } from '../../src/generate/create-rng.js'
import { noiseProfileNames, noiseProfiles, type SourceNoise } from '../../src/generate/noise-profiles.js'
import { SourceNoiser } from '../../src/generate/source-noiser.js'

const agencies = ['police', 'civil', 'health', 'register'] as const

/** Runs a noiser over realistic values so every kind of noise gets many chances. */
function exercise(rates: SourceNoise, seed: string, n: number): SourceNoiser {
  const noiser = new SourceNoiser(rates, createRng(seed))
  const rng = createRng(`${seed}/values`)
  const names = ['王丽', '张伟', '李秀英', '刘德华', '欧阳明', '阿依古丽·吐尔逊', '陈静怡']
  for (let i = 0; i < n; i++) {
    const birth = dayNumber(1950 + rng.int(70), 1 + rng.int(12), 1 + rng.int(28))
    noiser.name(names[i % names.length] as string)
    noiser.residentId(i % 11 === 0 ? '11010519491231002X' : '410105199001011234', birth, true)
    noiser.date(birth, 'iso')
    noiser.sex(1)
    noiser.blank()
    noiser.addressVariant()
    noiser.malformed()
  }
  return noiser
}

describe('noise rates', () => {
  for (const profile of noiseProfileNames) {
    for (const agency of agencies) {
      it(`applies the ${profile} profile's ${agency} rates within statistical bounds`, () => {
        const rates = noiseProfiles[profile][agency]
        const noiser = exercise(rates, `${profile}/${agency}`, 20_000)
        for (const [kind, c] of Object.entries(noiser.counts)) {
          const p = rates[kind as keyof SourceNoise]
          // Some kinds are rolled only when an earlier one did not fire, so `eligible` is their denominator.
          const sd = Math.sqrt(c.eligible * p * (1 - p))
          expect(
            Math.abs(c.applied - c.eligible * p),
            `${kind}: ${c.applied}/${c.eligible} vs ${p}`,
          ).toBeLessThanOrEqual(5 * sd + 1)
        }
      })
    }
  }

  it('orders the profiles: clean < normal < hard for every value error', () => {
    const semantic = ['nameHomophone', 'idDigitTypo', 'dateDayMonthSwap', 'sexWrong', 'idMissing'] as const
    for (const agency of agencies) {
      for (const k of semantic) {
        expect(noiseProfiles.clean[agency][k]).toBeLessThan(noiseProfiles.normal[agency][k])
        expect(noiseProfiles.normal[agency][k]).toBeLessThan(noiseProfiles.hard[agency][k])
      }
    }
  })

  it('makes the register the sloppiest source and police the cleanest', () => {
    const p = noiseProfiles.normal
    expect(p.register.nameHomophone).toBeGreaterThan(p.health.nameHomophone)
    expect(p.health.nameHomophone).toBeGreaterThan(p.police.nameHomophone)
  })
})

describe('noise kinds', () => {
  const all = (v: number): SourceNoise =>
    Object.fromEntries(Object.keys(noiseProfiles.normal.police).map((k) => [k, v])) as unknown as SourceNoise

  it('breaks the check character with a digit typo and reports it as semantic', () => {
    const noiser = new SourceNoiser({ ...all(0), idDigitTypo: 1 }, createRng(1))
    for (let i = 0; i < 200; i++) {
      const id = noiser.residentId('11010519491231002X', dayNumber(1949, 12, 31), true)
      expect(noiser.semantic).toBe('digit-typo')
      expect(hasValidCheckChar(id)).toBe(false)
    }
  })

  it('writes legacy 15-digit IDs only for people born before 1980', () => {
    const noiser = new SourceNoiser({ ...all(0), idLegacy15: 1 }, createRng(2))
    expect(noiser.residentId('410105197001011238', dayNumber(1970, 1, 1), true)).toBe('410105700101123')
    expect(noiser.residentId('410105199001011234', dayNumber(1990, 1, 1), true)).toBe('410105199001011234')
  })

  it('swaps day and month only when the result is a real, different date', () => {
    const noiser = new SourceNoiser({ ...all(0), dateDayMonthSwap: 1 }, createRng(3))
    expect(noiser.date(dayNumber(1990, 1, 2), 'iso')).toBe('1990-02-01')
    expect(noiser.date(dayNumber(1990, 1, 25), 'iso')).toBe('1990-01-25')
    expect(noiser.semantic).toBe('')
  })

  it('replaces a character by a homophone and keeps the length', () => {
    const noiser = new SourceNoiser({ ...all(0), nameHomophone: 1 }, createRng(4))
    const out = new Set(Array.from({ length: 100 }, () => noiser.name('王丽')))
    expect(out.has('王莉') || out.has('王俐') || out.has('王力')).toBe(true)
    for (const v of out) expect([...v]).toHaveLength(2)
  })
})
