import type { Matching } from '../pipeline/pipeline.js'
import { blockPairs } from './blocking.js'
import { type Clustering, clusterLinks } from './cluster.js'
import type { Comparison, MatchRecord } from './comparison.js'
import { comparisonVector } from './comparison-vector.js'
import { estimateU } from './estimate-u.js'
import { defaultM, expectationMaximisation } from './expectation-maximisation.js'
import type { FellegiSunterModel } from './fellegi-sunter.js'
import { probabilityFromMatchWeight } from './fellegi-sunter.js'
import { mFromPatterns } from './m-from-patterns.js'
import { namedComparison } from './named-comparison.js'
import { createPairScorer } from './pair-scorer.js'
import { patternKey } from './pattern-key.js'
import { prepareRecords } from './prepare-records.js'

/** Options of linkRecords. */
export interface LinkOptions {
  /** Uniform in [0, 1): a seeded generator, so u (and so every score) is reproducible. */
  readonly rng: () => number
  /** Random pairs drawn to estimate u; default 1,000,000 (Splink's usual max_pairs). */
  readonly uSampleSize?: number
  /** Pair only records of different sources (sourceOf); default false: duplicates within a source count. */
  readonly acrossSourcesOnly?: boolean
  /** EM's iteration cap; default 25. */
  readonly maxIterations?: number
}

/** Every blocked pair, scored: parallel arrays, in blocking order. */
export interface ScoredPairs {
  readonly left: Int32Array
  readonly right: Int32Array
  /** Match weight in bits, prior and term frequencies included. */
  readonly matchWeight: Float64Array
  readonly probability: Float64Array
}

/** The trained model and how its EM ended. */
export interface LinkParameters {
  readonly lambda: number
  /** m[c][level], level values 0 (else) … best, comparisons in `comparisons` order. */
  readonly m: readonly (readonly number[])[]
  readonly u: readonly (readonly number[])[]
  readonly comparisons: readonly string[]
  readonly iterations: number
  readonly converged: boolean
  /** Blocked pairs whose two records share a valid resident ID: the pairs m was seeded from. */
  readonly seedPairs: number
  /** Distinct comparison-vector patterns EM ran over. */
  readonly patterns: number
}

/** What linkRecords found. */
export interface LinkResult {
  readonly pairs: ScoredPairs
  /** Indices into `pairs` at or above the accept threshold, strongest first. */
  readonly accepted: Int32Array
  /** Indices into `pairs` at or above the review threshold but below accept, strongest first. */
  readonly review: Int32Array
  readonly parameters: LinkParameters
  /** Clusters of the accepted links (with the same-day-different-ID guard of clusterLinks). */
  readonly clustering: Clustering
}

// Statuses whose id_norm is a checked 18-character ID: agreeing on one is near-proof of a match.
const validIdStatuses: ReadonlySet<string> = new Set(['valid', 'upgraded_from_15'])

/**
 * The record's resident ID when its status makes it trustworthy (valid or upgraded from 15
 * digits), else null: what the exact-ID baseline links on and the cluster guard compares.
 */
export function validResidentId(record: MatchRecord): string | null {
  const id = record.id_norm ?? null
  const status = record.id_status ?? null
  return id !== null && id.length === 18 && status !== null && validIdStatuses.has(status) ? id : null
}

/**
 * Links one period's records end to end, unsupervised: blocks with the pipeline's rules (the
 * pair budget applies per rule), prepares the named comparisons, estimates u from random pairs,
 * trains λ and m by EM over the distinct comparison-vector patterns of the blocked pairs, scores
 * every blocked pair, splits them by the thresholds and clusters the accepted links, strongest
 * first. When enough blocked pairs share a valid resident ID, the m of every comparison but the
 * ID's is taken from them (mFromPatterns) and held fixed, and EM learns λ and the ID's m (what
 * matched records' IDs look like when they differ); otherwise EM learns all m from defaultM.
 * Truth is never used.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function linkRecords(
  records: readonly MatchRecord[],
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: LinkOptions,
): LinkResult {
  const blocked = blockPairs(records, matching.blocking, {
    maxPairsPerRule: matching.pairBudget,
    ...(options.acrossSourcesOnly === true ? { sourceOf } : {}),
  })
  const comparisons = matching.comparisons.map(namedComparison)
  const prepared = prepareRecords(records, comparisons)
  const u =
    records.length < 2
      ? comparisons.map((c) => c.levels.map(() => 1 / c.levels.length))
      : estimateU(prepared, comparisons, { rng: options.rng, sampleSize: options.uSampleSize ?? 1_000_000 })

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
  const em = expectationMaximisation(
    patterns,
    comparisons,
    {
      lambda: initialLambda(seedPairs, blocked.left.length),
      m: seeded ? seedM(seedPatterns, comparisons) : comparisons.map((c) => defaultM(c.levels.length)),
      u,
    },
    {
      maxIterations: options.maxIterations ?? 25,
      // With ID-labelled pairs, their m stays: left free, EM let a birth date agreed on and an
      // ID's date part agreed on (one fact, counted twice) pull same-day strangers into the
      // match class, which then taught it that matches often disagree on the name.
      fixedComparisons: seeded
        ? comparisons.flatMap((c, index) => (c.name === 'resident_id' ? [] : [index]))
        : [],
    },
  )

  const model: FellegiSunterModel = {
    lambda: em.lambda,
    comparisons: comparisons.map((c, index) => ({
      name: c.name,
      m: em.m[index] as readonly number[],
      u: em.u[index] as readonly number[],
      tfLevel: c.termFrequency?.level ?? null,
      // A name held once among the records would otherwise weigh as if unique in the country.
      tfMinimumU: 1e-4,
    })),
  }
  const scorer = createPairScorer(comparisons, prepared, model)
  const count = blocked.left.length
  const matchWeight = new Float64Array(count)
  const probability = new Float64Array(count)
  for (let k = 0; k < count; k++) {
    const w = scorer.score(blocked.left[k] as number, blocked.right[k] as number)
    matchWeight[k] = w
    probability[k] = probabilityFromMatchWeight(w)
  }

  const { accept, review } = matching.thresholds
  const strongestFirst = (a: number, b: number) =>
    (matchWeight[b] as number) - (matchWeight[a] as number) || a - b
  const accepted: number[] = []
  const reviewed: number[] = []
  for (let k = 0; k < count; k++) {
    const p = probability[k] as number
    if (p >= accept) accepted.push(k)
    else if (p >= review) reviewed.push(k)
  }
  accepted.sort(strongestFirst)
  reviewed.sort(strongestFirst)
  const clustering = clusterLinks(
    records.length,
    {
      left: accepted.map((k) => blocked.left[k] as number),
      right: accepted.map((k) => blocked.right[k] as number),
    },
    ids,
  )
  return {
    pairs: { left: blocked.left, right: blocked.right, matchWeight, probability },
    accepted: Int32Array.from(accepted),
    review: Int32Array.from(reviewed),
    parameters: {
      lambda: em.lambda,
      m: em.m,
      u: em.u,
      comparisons: comparisons.map((c) => c.name),
      iterations: em.iterations,
      converged: em.converged,
      seedPairs,
      patterns: patterns.size,
    },
    clustering,
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
