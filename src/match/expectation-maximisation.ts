import { decodePatternKey } from './pattern-key.js'
import { probabilitiesWithFloor } from './probabilities-with-floor.js'

/** λ, m and u as EM reads and returns them: m[c][level], u[c][level], level values 0 (else) … best. */
export interface EmParameters {
  readonly lambda: number
  readonly m: readonly (readonly number[])[]
  readonly u: readonly (readonly number[])[]
}

/** Options of expectationMaximisation; every key has a default. */
export interface EmOptions {
  /** Default 25 (Splink's max_iterations). */
  readonly maxIterations?: number
  /**
   * Stop when no m or u moved by more than this, nor λ by more than this share of itself;
   * default 1e-4 (Splink's em_convergence).
   */
  readonly tolerance?: number
  /** Re-estimate u too; default false: u stays as given, normally from estimateU. */
  readonly estimateU?: boolean
  /**
   * Comparisons whose parameters stay as given: those whose fields the training blocking rule
   * makes agree, which EM cannot learn from (Splink leaves them out of the session).
   */
  readonly fixedComparisons?: readonly number[]
  /** Smallest m or u EM may produce; default 1e-6. */
  readonly floor?: number
  /**
   * All the pairs the patterns were selected from (e.g. every pair of the records, when the
   * patterns are the blocked pairs), counting those not given as non-matches: λ is then the
   * match rate of a random pair, the prior that fits u from random pairs. Default: the pairs
   * given, so λ is that of the given pairs.
   */
  readonly pairsInAll?: number
}

/** EM's estimates and how it ended. */
export interface EmResult extends EmParameters {
  readonly iterations: number
  readonly converged: boolean
  /** The largest parameter change of the last iteration. */
  readonly maxChange: number
}

/**
 * Fellegi–Sunter EM over distinct comparison-vector patterns (key → number of pairs), not over
 * pairs: a pattern's pairs share one posterior. E-step: P(match | pattern) = λ∏m / (λ∏m +
 * (1 − λ)∏u) over non-null levels. M-step: λ = expected matches / pairs; m[c][l] = expected
 * matches at level l / expected matches with c non-null (u likewise with non-matches). `comparisons`
 * gives the level count of each comparison, in pattern order; `initial.m` defaults to defaultM.
 * λ is that of the pairs given: of a blocked training set, not of all pairs.
 */
export function expectationMaximisation(
  patterns: ReadonlyMap<number, number>,
  comparisons: readonly { readonly levels: readonly unknown[] }[],
  initial: {
    readonly lambda: number
    readonly m?: readonly (readonly number[])[]
    readonly u: readonly (readonly number[])[]
  },
  options: EmOptions = {},
): EmResult {
  const maxIterations = options.maxIterations ?? 25
  const tolerance = options.tolerance ?? 1e-4
  const floor = options.floor ?? 1e-6
  const fixed = new Set(options.fixedComparisons ?? [])
  const sizes = comparisons.map((c) => c.levels.length)
  const vectors = [...patterns.keys()].map((key) => decodePatternKey(key, sizes.length))
  const counts = [...patterns.values()]
  let lambda = initial.lambda
  let m = sizes.map((size, c) => [...(initial.m?.[c] ?? defaultM(size))])
  let u = initial.u.map((levels) => [...levels])
  let iterations = 0
  let maxChange = Number.POSITIVE_INFINITY
  while (iterations < maxIterations && maxChange >= tolerance) {
    iterations++
    const mAcc = sizes.map((size) => new Float64Array(size))
    const uAcc = sizes.map((size) => new Float64Array(size))
    let expectedMatches = 0
    let pairs = 0
    vectors.forEach((vector, p) => {
      let pm = lambda
      let pu = 1 - lambda
      for (let c = 0; c < vector.length; c++) {
        const level = vector[c] as number
        if (level < 0) continue
        pm *= (m[c] as number[])[level] as number
        pu *= (u[c] as number[])[level] as number
      }
      const n = counts[p] as number
      const posterior = pm + pu === 0 ? 0 : pm / (pm + pu)
      expectedMatches += n * posterior
      pairs += n
      for (let c = 0; c < vector.length; c++) {
        const level = vector[c] as number
        if (level < 0) continue
        add(mAcc[c] as Float64Array, level, n * posterior)
        add(uAcc[c] as Float64Array, level, n * (1 - posterior))
      }
    })
    const denominator = Math.max(pairs, options.pairsInAll ?? 0)
    const nextLambda = denominator === 0 ? lambda : expectedMatches / denominator
    const nextM = m.map((old, c) =>
      fixed.has(c) ? old : probabilitiesWithFloor(mAcc[c] as Float64Array, floor),
    )
    const nextU = u.map((old, c) =>
      fixed.has(c) || options.estimateU !== true
        ? old
        : probabilitiesWithFloor(uAcc[c] as Float64Array, floor),
    )
    // λ's change relative to λ: over all pairs of a district λ is about 1e-5, far below any
    // absolute tolerance, and EM would stop after one step.
    const lambdaChange = Math.abs(nextLambda - lambda) / Math.max(lambda, Number.MIN_VALUE)
    maxChange = Math.max(lambdaChange, largestChange(m, nextM), largestChange(u, nextU))
    lambda = nextLambda
    m = nextM
    u = nextU
  }
  return { lambda, m, u, iterations, converged: maxChange < tolerance, maxChange }
}

/**
 * Starting m for a comparison of `size` levels when none is given: proportional to 4^level, so
 * better levels start likelier among matches (two levels: else 0.2, exact 0.8).
 */
export function defaultM(size: number): number[] {
  const weights = Array.from({ length: size }, (_, level) => 4 ** level)
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => w / total)
}

function add(sums: Float64Array, level: number, amount: number): void {
  sums[level] = (sums[level] as number) + amount
}

function largestChange(
  before: readonly (readonly number[])[],
  after: readonly (readonly number[])[],
): number {
  let largest = 0
  before.forEach((levels, c) => {
    levels.forEach((value, l) => {
      largest = Math.max(largest, Math.abs(value - ((after[c] as readonly number[])[l] as number)))
    })
  })
  return largest
}
