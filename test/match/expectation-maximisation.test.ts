import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'
import { defaultM, expectationMaximisation } from '../../src/match/expectation-maximisation.js'
import { mFromPatterns } from '../../src/match/m-from-patterns.js'
import { patternKey } from '../../src/match/pattern-key.js'

// Known answer (Splink's convergence test): draw pairs from known λ, m, u; EM must recover them.
// Three comparisons with 3, 3 and 2 levels; value-indexed (0 = else).
const truth = {
  lambda: 0.1,
  m: [
    [0.1, 0.2, 0.7],
    [0.05, 0.15, 0.8],
    [0.1, 0.9],
  ],
  u: [
    [0.8, 0.15, 0.05],
    [0.7, 0.2, 0.1],
    [0.6, 0.4],
  ],
}
const comparisons = truth.m.map((levels) => ({ levels }))

function simulate(pairs: number, seed: number): Map<number, number> {
  const rng = createRng(seed)
  const patterns = new Map<number, number>()
  const vector = new Int8Array(3)
  for (let p = 0; p < pairs; p++) {
    const table = rng.chance(truth.lambda) ? truth.m : truth.u
    table.forEach((probabilities, c) => {
      let draw = rng.next()
      let level = 0
      while (level < probabilities.length - 1 && draw >= (probabilities[level] as number)) {
        draw -= probabilities[level] as number
        level++
      }
      // 5 % of the second comparison missing, as a blank field would be.
      vector[c] = c === 1 && rng.chance(0.05) ? -1 : level
    })
    const key = patternKey(vector)
    patterns.set(key, (patterns.get(key) ?? 0) + 1)
  }
  return patterns
}

function expectClose(
  actual: readonly (readonly number[])[],
  expected: readonly (readonly number[])[],
  tolerance: number,
) {
  expected.forEach((levels, c) => {
    levels.forEach((value, l) => {
      expect(Math.abs((actual[c]?.[l] ?? Number.NaN) - value)).toBeLessThan(tolerance)
    })
  })
}

describe('expectationMaximisation', () => {
  const patterns = simulate(20_000, 20240501)

  it('recovers m and λ with u fixed at the sampled u', () => {
    const result = expectationMaximisation(
      patterns,
      comparisons,
      { lambda: 0.3, u: truth.u },
      { maxIterations: 200 },
    )
    expect(result.converged).toBe(true)
    expect(result.iterations).toBeLessThan(200)
    expect(Math.abs(result.lambda - truth.lambda)).toBeLessThan(0.01)
    expectClose(result.m, truth.m, 0.03)
    expect(result.u).toEqual(truth.u)
  })

  it('recovers m, u and λ when u is estimated too', () => {
    const startU = [
      [0.6, 0.3, 0.1],
      [0.6, 0.3, 0.1],
      [0.5, 0.5],
    ]
    const result = expectationMaximisation(
      patterns,
      comparisons,
      { lambda: 0.3, u: startU },
      { maxIterations: 500, estimateU: true },
    )
    expect(result.converged).toBe(true)
    expect(Math.abs(result.lambda - truth.lambda)).toBeLessThan(0.02)
    expectClose(result.m, truth.m, 0.05)
    expectClose(result.u, truth.u, 0.03)
  })

  it('keeps the prior m of comparisons the training blocking rule used', () => {
    const prior = [0.3, 0.7]
    const result = expectationMaximisation(
      patterns,
      comparisons,
      { lambda: 0.3, m: [defaultM(3), defaultM(3), prior], u: truth.u },
      { fixedComparisons: [2] },
    )
    expect(result.m[2]).toEqual(prior)
  })

  it('reports a run stopped by the iteration limit as not converged', () => {
    const result = expectationMaximisation(
      patterns,
      comparisons,
      { lambda: 0.5, u: truth.u },
      { maxIterations: 1 },
    )
    expect(result).toMatchObject({ iterations: 1, converged: false })
    expect(result.maxChange).toBeGreaterThan(1e-4)
  })

  it('seeds m from pairs known to match', () => {
    // 3 pairs at levels (2, 2, 1), 1 pair at (1, null, 0).
    const known = new Map([
      [patternKey([2, 2, 1]), 3],
      [patternKey([1, -1, 0]), 1],
    ])
    const m = mFromPatterns(known, comparisons, 0)
    expect(m).toEqual([
      [0, 0.25, 0.75],
      [0, 0, 1],
      [0.25, 0.75],
    ])
  })

  it('starts m proportional to 4^level', () => {
    expect(defaultM(2)).toEqual([0.2, 0.8])
  })
})

describe('λ over all pairs (pairsInAll)', () => {
  // One comparison that nearly decides: agreeing is a match, disagreeing is not.
  const decisive = [{ levels: [0, 1] }]
  const m = [[1e-6, 1 - 1e-6]]
  const u = [[1 - 1e-6, 1e-6]]
  const agree = patternKey(Int8Array.of(1))
  const disagree = patternKey(Int8Array.of(0))

  it('counts the pairs not given as non-matches', () => {
    const patterns = new Map([
      [agree, 10],
      [disagree, 90],
    ])
    const options = { fixedComparisons: [0] }
    const ofGiven = expectationMaximisation(patterns, decisive, { lambda: 0.5, m, u }, options)
    const ofAll = expectationMaximisation(
      patterns,
      decisive,
      { lambda: 0.5, m, u },
      { ...options, pairsInAll: 1000 },
    )
    expect(ofGiven.lambda).toBeCloseTo(10 / 100, 4)
    expect(ofAll.lambda).toBeCloseTo(10 / 1000, 4)
  })

  it('keeps iterating while a tiny λ still moves by a large share of itself', () => {
    // 10 agreeing pairs among a million: the fixed point solves λ = 1e-5 · λ / (λ + 1e-6), about
    // λ = 9e-6. From 1e-6 the first step moves λ by 4e-6 only, under an absolute tolerance of 1e-4.
    const patterns = new Map([
      [agree, 10],
      [disagree, 990],
    ])
    const result = expectationMaximisation(
      patterns,
      decisive,
      { lambda: 1e-6, m, u },
      { fixedComparisons: [0], pairsInAll: 1_000_000, maxIterations: 50 },
    )
    expect(result.converged).toBe(true)
    expect(result.iterations).toBeGreaterThan(2)
    expect(Math.abs(result.lambda / 9e-6 - 1)).toBeLessThan(1e-3)
  })
})
