import type { Matching } from '../pipeline/pipeline.js'
import type { Comparison, MatchRecord } from './comparison.js'
import { comparisonVector } from './comparison-vector.js'
import { estimateU } from './estimate-u.js'
import { defaultM, expectationMaximisation } from './expectation-maximisation.js'
import { type LinkInput, prepareLinkInput } from './link-input.js'
import { type LinkModel, levelCodes, linkModelVersion } from './link-model.js'
import { mFromPatterns } from './m-from-patterns.js'
import { patternKey } from './pattern-key.js'
import { validResidentId } from './valid-resident-id.js'

/** Options of trainLinkModel; only `rng` is required. */
export interface TrainLinkOptions {
  /** Uniform in [0, 1): a seeded generator, so u (and so every score) is reproducible. */
  readonly rng: () => number
  /** Random pairs drawn to estimate u; default 1,000,000 (Splink's usual max_pairs). */
  readonly uSampleSize?: number
  /** Pair only records of different sources (sourceOf); default false. */
  readonly acrossSourcesOnly?: boolean
  /** EM's iteration cap; default 25. */
  readonly maxIterations?: number
  /** Written into the model: the pipeline's name (default '') and the period trained on (default null). */
  readonly pipeline?: string
  readonly period?: string | null
}

/** Floor under a term-frequency u: a name held once among the records would otherwise weigh as if unique in the country. */
export const tfMinimumU = 1e-4

/**
 * Trains a link model on one period's records, unsupervised: u from random pairs, then λ and m
 * by EM over the distinct comparison-vector patterns of the blocked pairs. When enough blocked
 * pairs share a valid resident ID, the m of every comparison but the ID's is taken from them
 * (mFromPatterns) and held fixed, and EM learns λ and the ID's m (what matched records' IDs look
 * like when they differ); otherwise EM learns all m from defaultM. Truth is never used.
 * `input` (from prepareLinkInput on the same arguments) saves blocking twice when the caller
 * predicts on the same records.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function trainLinkModel(
  records: readonly MatchRecord[],
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: TrainLinkOptions,
  input: LinkInput = prepareLinkInput(records, sourceOf, matching, options),
): LinkModel {
  const { blocked, comparisons, prepared } = input
  const uSamplePairs = records.length < 2 ? 0 : (options.uSampleSize ?? 1_000_000)
  const u =
    uSamplePairs === 0
      ? comparisons.map((c) => c.levels.map(() => 1 / c.levels.length))
      : estimateU(prepared, comparisons, { rng: options.rng, sampleSize: uSamplePairs })

  // Count the patterns of all blocked pairs, and separately of those sharing a valid ID.
  const ids = records.map(validResidentId)
  const patterns = new Map<number, number>()
  const seedPatterns = new Map<number, number>()
  const vector = new Int8Array(comparisons.length)
  let seedPairs = 0
  for (let k = 0; k < blocked.left.length; k++) {
    const i = blocked.left[k] as number
    const j = blocked.right[k] as number
    const key = patternKey(comparisonVector(comparisons, prepared, i, j, vector))
    patterns.set(key, (patterns.get(key) ?? 0) + 1)
    if (ids[i] !== null && ids[i] === ids[j]) {
      seedPatterns.set(key, (seedPatterns.get(key) ?? 0) + 1)
      seedPairs++
    }
  }
  const seeded = seedPairs >= minimumSeedPairs
  // With ID-labelled pairs, their m stays: left free, EM let a birth date agreed on and an ID's
  // date part agreed on (one fact, counted twice) pull same-day strangers into the match class,
  // which then taught it that matches often disagree on the name.
  const fixedComparisons = seeded
    ? comparisons.flatMap((c, index) => (c.name === 'resident_id' ? [] : [index]))
    : []
  const em = expectationMaximisation(
    patterns,
    comparisons,
    {
      lambda: initialLambda(seedPairs, blocked.left.length),
      m: seeded ? seedM(seedPatterns, comparisons) : comparisons.map((c) => defaultM(c.levels.length)),
      u,
    },
    { maxIterations: options.maxIterations ?? 25, fixedComparisons },
  )
  return {
    version: linkModelVersion,
    pipeline: options.pipeline ?? '',
    trainedPeriod: options.period ?? null,
    lambda: em.lambda,
    comparisons: comparisons.map((c, index) => ({
      name: c.name,
      levels: levelCodes(c),
      m: em.m[index] as readonly number[],
      u: em.u[index] as readonly number[],
      termFrequency: c.termFrequency === null ? null : { level: c.termFrequency.level, minimumU: tfMinimumU },
    })),
    training: {
      records: records.length,
      candidatePairs: blocked.left.length,
      seedPairs,
      patterns: patterns.size,
      iterations: em.iterations,
      converged: em.converged,
      uSamplePairs,
      fixedComparisons: fixedComparisons.map((index) => (comparisons[index] as Comparison).name),
    },
  }
}

/**
 * λ to start EM from: the share of blocked pairs sharing a valid ID, a lower bound on the match
 * rate (matches without a shared ID come on top), kept off 0 and 1 where EM cannot move it.
 */
function initialLambda(seedPairs: number, pairs: number): number {
  if (pairs === 0) return 0.5
  return Math.min(0.95, Math.max(0.05, (seedPairs * 1.2) / pairs))
}

// Fewer blocked pairs sharing a valid ID than this and m is left to EM alone, from defaultM.
const minimumSeedPairs = 3

/**
 * m from the pairs sharing a valid ID (labels without truth: such pairs are matches but for a
 * rare reused number): each comparison's level distribution among them, except the resident-ID
 * comparison, which those pairs agree on by construction: it keeps defaultM for EM to train.
 */
function seedM(seedPatterns: ReadonlyMap<number, number>, comparisons: readonly Comparison[]): number[][] {
  // A small floor: a level never seen among ID matches must stay reachable by EM.
  const fromIds = mFromPatterns(seedPatterns, comparisons, 1e-3)
  return comparisons.map((c, index) =>
    c.name === 'resident_id' ? defaultM(c.levels.length) : (fromIds[index] as number[]),
  )
}
