import type { Matching } from '../pipeline/pipeline.js'
import { type Clustering, clusterLinks } from './cluster.js'
import { looksExcelTruncated } from './comparators/resident-id.js'
import type { MatchRecord } from './comparison.js'
import { probabilityFromMatchWeight } from './fellegi-sunter.js'
import { type LinkInput, prepareLinkInput } from './link-input.js'
import { fellegiSunterModelOf, type LinkModel, linkModelMisfits } from './link-model.js'
import { createPairScorer } from './pair-scorer.js'
import { type PairScoringWorker, parallelMinimumPairs, scorePairsInParallel } from './score-pairs-parallel.js'
import { validResidentId } from './valid-resident-id.js'

/** Every blocked pair, scored: parallel arrays, in blocking order. */
export interface ScoredPairs {
  readonly left: Int32Array
  readonly right: Int32Array
  /** Match weight in bits, prior and term frequencies included. */
  readonly matchWeight: Float64Array
  readonly probability: Float64Array
}

/** What predictLinks found. */
export interface LinkPrediction {
  readonly pairs: ScoredPairs
  /** Indices into `pairs` at or above the accept threshold, strongest first. */
  readonly accepted: Int32Array
  /** Indices into `pairs` at or above the review threshold but below accept, strongest first. */
  readonly review: Int32Array
  /** Clusters of the accepted links (with the same-day-different-ID guard of clusterLinks). */
  readonly clustering: Clustering
}

/**
 * Scores one period's records with a trained model, without training: blocks with the
 * pipeline's rules, scores every blocked pair (term frequencies counted on these records),
 * splits them by `matching.thresholds` and clusters the accepted links, strongest first.
 * `input` (from prepareLinkInput on the same arguments) saves blocking again after training.
 * @throws RangeError when the model does not fit the pipeline's comparisons (parseLinkModel
 *   reports that as a typed error when a saved model is loaded).
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function predictLinks(
  records: readonly MatchRecord[],
  sourceOf: ArrayLike<number>,
  matching: Matching,
  model: LinkModel,
  options: { readonly acrossSourcesOnly?: boolean } = {},
  input: LinkInput = prepareLinkInput(records, sourceOf, matching, options),
): LinkPrediction {
  const { blocked, comparisons, prepared } = input
  const misfits = linkModelMisfits(model, comparisons)
  if (misfits.length > 0) {
    throw new RangeError(
      `The link model does not fit the comparisons: ${misfits.map((i) => i.message).join('; ')}`,
    )
  }
  const scorer = createPairScorer(comparisons, prepared, fellegiSunterModelOf(model))
  const count = blocked.left.length
  const matchWeight = new Float64Array(count)
  const probability = new Float64Array(count)
  for (let k = 0; k < count; k++) {
    const w = scorer.score(blocked.left[k] as number, blocked.right[k] as number)
    matchWeight[k] = w
    probability[k] = probabilityFromMatchWeight(w)
  }
  return splitAndCluster(records, matching, blocked, matchWeight, probability)
}

/** How the pairs of predictLinksInParallel were scored. */
export interface ScoringStats {
  /** Pairs scored by this thread and by the worker (0 when scoring stayed in one thread). */
  readonly pairsHere: number
  readonly pairsInWorker: number
  /** Wall seconds of scoring in this thread and in the worker. */
  readonly secondsHere: number
  readonly secondsInWorker: number
}

/**
 * predictLinks with the scoring shared with a pair-scoring worker (score-pairs-parallel.ts) when
 * one is given and there are at least `minimumPairs` pairs; otherwise it scores in this
 * thread as predictLinks does. The result is the same, bit for bit. `onStep` hears when scoring
 * and clustering end.
 * @throws RangeError when the model does not fit the pipeline's comparisons.
 */
export async function predictLinksInParallel(
  records: readonly MatchRecord[],
  matching: Matching,
  model: LinkModel,
  input: LinkInput,
  parallel: {
    readonly worker: PairScoringWorker | null
    /** Fewer pairs than this are scored in this thread; default parallelMinimumPairs. */
    readonly minimumPairs?: number
    readonly onStep?: (step: 'scoring' | 'clustering', seconds: number, detail: string) => void
  },
): Promise<LinkPrediction & { readonly scoring: ScoringStats }> {
  const { blocked, comparisons, prepared } = input
  const misfits = linkModelMisfits(model, comparisons)
  if (misfits.length > 0) {
    throw new RangeError(
      `The link model does not fit the comparisons: ${misfits.map((i) => i.message).join('; ')}`,
    )
  }
  let clock = performance.now()
  const fsModel = fellegiSunterModelOf(model)
  const createScorer = () => createPairScorer(comparisons, prepared, fsModel)
  const count = blocked.left.length
  let scores: { matchWeight: Float64Array; probability: Float64Array }
  let scoring: ScoringStats
  const { worker, onStep } = parallel
  if (worker !== null && count >= (parallel.minimumPairs ?? parallelMinimumPairs)) {
    const r = await scorePairsInParallel(createScorer, fsModel, blocked.left, blocked.right, worker)
    scores = r
    scoring = r
  } else {
    const scorer = createScorer()
    const matchWeight = new Float64Array(count)
    const probability = new Float64Array(count)
    for (let k = 0; k < count; k++) {
      const w = scorer.score(blocked.left[k] as number, blocked.right[k] as number)
      matchWeight[k] = w
      probability[k] = probabilityFromMatchWeight(w)
    }
    scores = { matchWeight, probability }
    const seconds = (performance.now() - clock) / 1000
    scoring = { pairsHere: count, pairsInWorker: 0, secondsHere: seconds, secondsInWorker: 0 }
  }
  const step = (name: 'scoring' | 'clustering', detail: string) => {
    const now = performance.now()
    onStep?.(name, (now - clock) / 1000, detail)
    clock = now
  }
  const rate = (pairs: number, seconds: number) => (seconds > 0 ? Math.round(pairs / seconds) : 0)
  step(
    'scoring',
    `${count} pairs: ${scoring.pairsHere} in this thread (${rate(scoring.pairsHere, scoring.secondsHere)}/s), ` +
      `${scoring.pairsInWorker} in the worker (${rate(scoring.pairsInWorker, scoring.secondsInWorker)}/s)`,
  )
  const prediction = splitAndCluster(records, matching, blocked, scores.matchWeight, scores.probability)
  step(
    'clustering',
    `${prediction.accepted.length} accepted, ${prediction.clustering.clusters.length} clusters`,
  )
  return { ...prediction, scoring }
}

/** Splits scored pairs by the thresholds, strongest first, and clusters the accepted ones. */
function splitAndCluster(
  records: readonly MatchRecord[],
  matching: Matching,
  blocked: LinkInput['blocked'],
  matchWeight: Float64Array,
  probability: Float64Array,
): LinkPrediction {
  const count = blocked.left.length
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
    records.map(guardedResidentId),
  )
  return {
    pairs: { left: blocked.left, right: blocked.right, matchWeight, probability },
    accepted: Int32Array.from(accepted),
    review: Int32Array.from(reviewed),
    clustering,
  }
}

/**
 * The ID the cluster guard keeps apart: a valid one, unless it looks Excel-truncated (ends in
 * 000 yet passed the check by chance), which is the same person's ID with its tail lost.
 */
function guardedResidentId(record: MatchRecord): string | null {
  const id = validResidentId(record)
  return id === null || looksExcelTruncated(id) ? null : id
}
