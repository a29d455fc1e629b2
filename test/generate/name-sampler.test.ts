import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'
import { createNameSampler } from '../../src/generate/name-sampler.js'
import { surnameTable } from '../../src/generate/surname-table.js'

describe('surname table', () => {
  it('lists each surname once, the top 100 covering about 86 %', () => {
    const names = surnameTable.map((e) => e[0])
    expect(new Set(names).size).toBe(names.length)
    const total = surnameTable.reduce((s, e) => s + e[1], 0)
    const top = [...surnameTable].sort((a, b) => b[1] - a[1]).slice(0, 100)
    expect(top.reduce((s, e) => s + e[1], 0) / total).toBeCloseTo(0.86, 2)
    expect(top.slice(0, 3).map((e) => e[0])).toEqual(['王', '李', '张'])
  })
})

describe('name sampler', () => {
  const sampler = createNameSampler()
  const rng = createRng('names-test')
  const n = 50_000
  const surnames = Array.from({ length: n }, () => sampler.surname(rng))

  it('draws surnames at their table frequencies (within 4 standard errors)', () => {
    const total = surnameTable.reduce((s, e) => s + e[1], 0)
    const counts = new Map<string, number>()
    for (const s of surnames) counts.set(s, (counts.get(s) ?? 0) + 1)
    for (const [name, weight] of surnameTable.slice(0, 30)) {
      const p = weight / total
      const sd = Math.sqrt(n * p * (1 - p))
      expect(Math.abs((counts.get(name) ?? 0) - n * p), name).toBeLessThan(4 * sd)
    }
    expect(counts.get('欧阳') ?? 0).toBeGreaterThan(5)
  })

  it('makes very common full names recur, as 王伟 and 张伟 do in life', () => {
    const full = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      const sex = i % 2 === 0 ? 1 : 2
      const year = 1950 + (i % 70)
      const name = sampler.surname(rng) + sampler.given(rng, sex, year)
      full.set(name, (full.get(name) ?? 0) + 1)
    }
    const top = [...full].sort((a, b) => b[1] - a[1]).slice(0, 10)
    expect(top[0]![1]).toBeGreaterThan(15)
    expect(
      top.some(([name]) =>
        ['王伟', '张伟', '李伟', '王静', '李静', '张静', '王丽', '李娜', '张敏'].includes(name),
      ),
    ).toBe(true)
  })

  it('styles given names by birth cohort', () => {
    const old = Array.from({ length: 2000 }, () => sampler.given(rng, 2, 1940))
    const young = Array.from({ length: 2000 }, () => sampler.given(rng, 2, 2018))
    expect(old.filter((g) => g === '秀英' || g === '桂兰').length).toBeGreaterThan(50)
    expect(young.filter((g) => g === '秀英' || g === '桂兰').length).toBe(0)
    expect(young.filter((g) => g.includes('汐') || g.includes('诺')).length).toBeGreaterThan(100)
  })

  it('writes minority names with the standard middle dot', () => {
    expect(sampler.minority(rng, 2)).toMatch(/^[^·]+·[^·]+$/)
  })
})
