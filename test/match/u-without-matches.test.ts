import { describe, expect, it } from 'vitest'
import { uWithoutMatches } from '../../src/match/u-without-matches.js'

describe('uWithoutMatches', () => {
  it('takes the matches a random sample held out of its agreement', () => {
    // Sample: 3e-5 agree. Matches (λ = 2e-5) agree 99 % of the time, so 1.98e-5 of the sample's
    // agreement came from matches: (3e-5 − 1.98e-5) / (1 − 2e-5) is left for non-matches, and
    // (0.99997 − 2e-7) / (1 − 2e-5) disagree; the two already sum to 1.
    const [u] = uWithoutMatches([[0.99997, 0.00003]], [[0.01, 0.99]], 2e-5, 1e-6)
    expect(u?.[1]).toBeCloseTo(1.02e-5 / 0.99998, 15)
    expect(u?.[0]).toBeCloseTo(0.9999698 / 0.99998, 12)
  })

  it('floors a level the matches explain entirely', () => {
    // 1e-5 agree, less than λ · m = 2e-5: no non-match agrees, so the floor, then renormalised.
    const [u] = uWithoutMatches([[0.99999, 0.00001]], [[0, 1]], 2e-5, 1e-6)
    expect(u?.[1]).toBeCloseTo(1e-6 / (1 + 1e-6), 15)
    expect(u?.[0]).toBeCloseTo(1 / (1 + 1e-6), 12)
  })

  it('leaves u as sampled when no pair is a match', () => {
    const [u] = uWithoutMatches([[0.7, 0.2, 0.1]], [[0.1, 0.2, 0.7]], 0, 1e-6)
    for (const [level, p] of [0.7, 0.2, 0.1].entries()) expect(u?.[level]).toBeCloseTo(p, 15)
  })
})
