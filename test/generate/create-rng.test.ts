import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(20261)
    const b = createRng('20261')
    const c = createRng(20262)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
  })

  it('forks independent named streams that do not depend on draws from the parent', () => {
    const a = createRng(7)
    const b = createRng(7)
    b.next()
    expect(a.fork('names').next()).toBe(b.fork('names').next())
    expect(a.fork('names').next()).not.toBe(a.fork('ids').next())
  })

  it('draws integers uniformly (chi-square over 10 bins)', () => {
    const rng = createRng('uniform')
    const bins = new Array<number>(10).fill(0)
    const n = 100_000
    for (let i = 0; i < n; i++) bins[rng.int(10)]! += 1
    const chi = bins.reduce((s, o) => s + (o - n / 10) ** 2 / (n / 10), 0)
    expect(chi).toBeLessThan(27.9) // p = 0.001 for 9 degrees of freedom
  })
})
