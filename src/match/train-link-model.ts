import type { Matching } from '../pipeline/pipeline.js'
import { type Comparison, nullLevel } from './comparison.js'
import { estimateU } from './estimate-u.js'
import { defaultM, expectationMaximisation } from './expectation-maximisation.js'
import { type LinkInput, prepareLinkInput } from './link-input.js'
import { type LinkModel, levelCodes, linkModelVersion } from './link-model.js'
import { type SourcePairOptions, sourcePairOptions } from './link-type.js'
import { mFromPatterns } from './m-from-patterns.js'
import { pairPatternKeys } from './pair-pattern-keys.js'
import { decodePatternKey } from './pattern-key.js'
import { mapRecords, type Records, recordCount } from './record-columns.js'
import { uWithoutMatches } from './u-without-matches.js'
import { validResidentId } from './valid-resident-id.js'

/** Options of trainLinkModel; only `rng` is required. */
export interface TrainLinkOptions {
  /** Uniform in [0, 1): a seeded generator, so u (and so every score) is reproducible. */
  readonly rng: () => number
  /** Random pairs drawn to estimate u; default 1,000,000 (Splink's usual max_pairs). */
  readonly uSampleSize?: number
  /** Pair only records of different sources (sourceOf), whatever `matching.linkType` says; default false. */
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
 * predicts on the same records, and `patternKeys` (pairPatternKeys of its pairs) comparing twice.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function trainLinkModel(
  records: Records,
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: TrainLinkOptions,
  input: LinkInput = prepareLinkInput(records, sourceOf, matching, options),
  patternKeys: Float64Array = pairPatternKeys(
    input.comparisons,
    input.prepared,
    input.blocked.left,
    input.blocked.right,
  ),
): LinkModel {
  const { blocked, comparisons, prepared } = input
  // The pairs the link type considers (link: across sources, dedupe: within each), for u and λ alike.
  const sourcePairs = sourcePairOptions(matching.linkType, sourceOf, options.acrossSourcesOnly)
  const uSamplePairs = recordCount(records) < 2 ? 0 : (options.uSampleSize ?? 1_000_000)
  const u =
    uSamplePairs === 0
      ? comparisons.map((c) => c.levels.map(() => 1 / c.levels.length))
      : estimateU(prepared, comparisons, {
          rng: options.rng,
          sampleSize: uSamplePairs,
          // u of the pairs that will be scored: with a link type, across or within sources only.
          ...sourcePairs,
        })

  // Count the patterns of all blocked pairs, and separately of those sharing a valid ID.
  const ids = mapRecords(records, validResidentId)
  const idComparison = comparisons.findIndex((c) => c.name === residentIdComparisonName)
  const patterns = new Map<number, number>()
  const seedPatterns = new Map<number, number>()
  const agreeingPatterns = new Map<number, number>()
  // Whether a pattern agrees on all but the ID, once per distinct pattern.
  const agreeingPattern = new Map<number, boolean>()
  let seedPairs = 0
  let agreeingPairs = 0
  for (let k = 0; k < blocked.left.length; k++) {
    const i = blocked.left[k] as number
    const j = blocked.right[k] as number
    const key = patternKeys[k] as number
    patterns.set(key, (patterns.get(key) ?? 0) + 1)
    if (ids[i] !== null && ids[i] === ids[j]) {
      seedPatterns.set(key, (seedPatterns.get(key) ?? 0) + 1)
      seedPairs++
    } else if (idComparison >= 0 && agreesOnAllButCached(agreeingPattern, key, comparisons, idComparison)) {
      agreeingPatterns.set(key, (agreeingPatterns.get(key) ?? 0) + 1)
      agreeingPairs++
    }
  }
  const seeded = seedPairs >= minimumSeedPairs
  const allPairs = Math.max(blocked.left.length, pairsConsidered(recordCount(records), sourcePairs))
  // The ID's m from the pairs agreeing on everything else, counted together with the ID-sharing
  // pairs (which agree on the ID by construction): both are matches but for rare exceptions, and
  // neither selection looks at the level it measures. Left to EM, the ID's m went wrong: same-day
  // strangers (birth date agreed, name partly) were pulled into the match class and taught it
  // that one match in five has a different valid ID; among true matches it is about 1 in 5,000.
  const idFromAgreeing = seeded && agreeingPairs >= minimumSeedPairs
  // With ID-labelled pairs, their m stays: left free, EM let a birth date agreed on and an ID's
  // date part agreed on (one fact, counted twice) pull same-day strangers into the match class,
  // which then taught it that matches often disagree on the name.
  const fixedComparisons = seeded
    ? comparisons.flatMap((_, index) => (index === idComparison && !idFromAgreeing ? [] : [index]))
    : []
  // λ over all pairs, not the blocked ones: u comes from random pairs, so the prior must be that
  // of a random pair (Splink's probability_two_random_records_match). With λ of the blocked
  // pairs (about 0.35) every score was some 14 bits too high, and a same-day stranger with a
  // different name still crossed the accept threshold on the birth date alone.
  const emOptions = { maxIterations: options.maxIterations ?? 25, fixedComparisons, pairsInAll: allPairs }
  const first = expectationMaximisation(
    patterns,
    comparisons,
    {
      lambda: initialLambda(seedPairs, allPairs),
      m: seeded
        ? seedM(seedPatterns, idFromAgreeing ? agreeingPatterns : null, comparisons, idComparison)
        : comparisons.map((c) => defaultM(c.levels.length)),
      u,
    },
    emOptions,
  )
  // Then u without the matches the random sample held, and λ once more with that u.
  const em = expectationMaximisation(
    patterns,
    comparisons,
    { lambda: first.lambda, m: first.m, u: uWithoutMatches(u, first.m, first.lambda, uFloor) },
    { ...emOptions, fixedComparisons: comparisons.map((_, index) => index) },
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
      records: recordCount(records),
      candidatePairs: blocked.left.length,
      seedPairs,
      patterns: patterns.size,
      iterations: first.iterations + em.iterations,
      converged: first.converged && em.converged,
      uSamplePairs,
      fixedComparisons: fixedComparisons.map((index) => (comparisons[index] as Comparison).name),
    },
  }
}

/**
 * λ to start EM from: the share of pairs sharing a valid ID, a lower bound on the match rate
 * (matches without a shared ID come on top), kept off 0 and 1 where EM cannot move it.
 */
function initialLambda(seedPairs: number, pairs: number): number {
  if (pairs === 0) return 0.5
  return Math.min(0.95, Math.max(1 / pairs, (seedPairs * 1.2) / pairs))
}

// Fewer blocked pairs sharing a valid ID than this and m is left to EM alone, from defaultM.
const minimumSeedPairs = 3

/**
 * m from labelled pairs (labels without truth): each comparison's level distribution among the
 * pairs sharing a valid ID (matches but for a rare reused number), except the resident-ID
 * comparison, which those pairs agree on by construction. Its m comes from the ID-sharing pairs
 * together with `agreeing` (the pairs agreeing on every other comparison) when given, and is
 * otherwise defaultM, for EM to train.
 */
function seedM(
  seedPatterns: ReadonlyMap<number, number>,
  agreeing: ReadonlyMap<number, number> | null,
  comparisons: readonly Comparison[],
  idComparison: number,
): number[][] {
  // A small floor: a level never seen among ID matches must stay reachable by EM.
  const fromIds = mFromPatterns(seedPatterns, comparisons, 1e-3)
  const fromBoth =
    agreeing === null ? null : mFromPatterns(mergedCounts(seedPatterns, agreeing), comparisons, idLevelFloor)
  return comparisons.map((c, index) => {
    if (index !== idComparison) return fromIds[index] as number[]
    return fromBoth === null ? defaultM(c.levels.length) : (fromBoth[index] as number[])
  })
}

// Floor of the ID's m: a different valid ID is strong evidence against a match, and the floor
// bounds how strong (log2(1e-5) ≈ -17 bits, about what an exact birth date and name add).
const idLevelFloor = 1e-5

const residentIdComparisonName = 'resident_id'

// estimateU's default floor.
const uFloor = 1e-6

function agreesOnAllButCached(
  known: Map<number, boolean>,
  key: number,
  comparisons: readonly Comparison[],
  except: number,
): boolean {
  let agrees = known.get(key)
  if (agrees === undefined) {
    agrees = agreesOnAllBut(decodePatternKey(key, comparisons.length), comparisons, except)
    known.set(key, agrees)
  }
  return agrees
}

/**
 * Whether a pair agrees at the best level on every comparison but `except`, each either at its
 * best level or null, with at least two non-null: e.g. same name, same birth date, sex equal or
 * unknown.
 */
function agreesOnAllBut(vector: Int8Array, comparisons: readonly Comparison[], except: number): boolean {
  let agreeing = 0
  for (let c = 0; c < comparisons.length; c++) {
    if (c === except) continue
    const level = vector[c] as number
    if (level === nullLevel) continue
    if (level !== (comparisons[c] as Comparison).levels.length - 1) return false
    agreeing++
  }
  return agreeing >= 2
}

function mergedCounts(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Map<number, number> {
  const out = new Map(a)
  for (const [key, n] of b) out.set(key, (out.get(key) ?? 0) + n)
  return out
}

/**
 * How many pairs a run considers: all n(n − 1)/2, or with a source restriction those of two
 * different sources (across) or of one source (within).
 */
function pairsConsidered(n: number, sources: SourcePairOptions): number {
  const all = (n * (n - 1)) / 2
  if (!('sourceOf' in sources)) return all
  const { sourceOf } = sources
  const perSource = new Map<number, number>()
  for (let i = 0; i < n; i++)
    perSource.set(sourceOf[i] as number, (perSource.get(sourceOf[i] as number) ?? 0) + 1)
  let within = 0
  for (const k of perSource.values()) within += (k * (k - 1)) / 2
  return sources.sourcePairs === 'within' ? within : all - within
}
