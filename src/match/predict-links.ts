import type { Matching } from '../pipeline/pipeline.js'
import { type Clustering, clusterLinks } from './cluster.js'
import { looksExcelTruncated } from './comparators/resident-id.js'
import type { MatchRecord } from './comparison.js'
import { probabilityFromMatchWeight } from './fellegi-sunter.js'
import { type LinkInput, prepareLinkInput } from './link-input.js'
import { fellegiSunterModelOf, type LinkModel, linkModelMisfits } from './link-model.js'
import { createPairScorer } from './pair-scorer.js'
import { mapRecords, type Records, recordCount } from './record-columns.js'
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
  records: Records,
  sourceOf: ArrayLike<number>,
  matching: Matching,
  model: LinkModel,
  options: { readonly acrossSourcesOnly?: boolean } = {},
  input: LinkInput = prepareLinkInput(records, sourceOf, matching, options),
  patternKeys?: Float64Array,
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
    const i = blocked.left[k] as number
    const w =
      patternKeys === undefined
        ? scorer.score(i, blocked.right[k] as number)
        : scorer.scoreKey(patternKeys[k] as number, i)
    matchWeight[k] = w
    probability[k] = probabilityFromMatchWeight(w)
  }
  return splitAndCluster(records, matching, blocked, matchWeight, probability)
}

/** How the pairs of a parallel link were compared (pattern keys) and scored. */
export interface ScoringStats {
  /** Pairs compared by this thread and by the worker (0 when comparing stayed in one thread). */
  readonly pairsHere: number
  readonly pairsInWorker: number
  /** Wall seconds of comparing in this thread and in the worker. */
  readonly secondsHere: number
  readonly secondsInWorker: number
}

/**
 * predictLinks from the pairs' pattern keys (pairPatternKeys or comparePairsInParallel, over
 * `input`): each pair's weight is its pattern's plus its term frequencies, no comparator runs.
 * The result is predictLinks', bit for bit. `onStep` hears when scoring and clustering end.
 * @throws RangeError when the model does not fit the pipeline's comparisons.
 */
export function predictLinksFromPatternKeys(
  records: Records,
  matching: Matching,
  model: LinkModel,
  input: LinkInput,
  patternKeys: Float64Array,
  onStep?: (step: 'scoring' | 'clustering', seconds: number, detail: string) => void,
): LinkPrediction {
  const { blocked, comparisons, prepared } = input
  const misfits = linkModelMisfits(model, comparisons)
  if (misfits.length > 0) {
    throw new RangeError(
      `The link model does not fit the comparisons: ${misfits.map((i) => i.message).join('; ')}`,
    )
  }
  let clock = performance.now()
  const step = (name: 'scoring' | 'clustering', detail: string) => {
    const now = performance.now()
    onStep?.(name, (now - clock) / 1000, detail)
    clock = now
  }
  const scorer = createPairScorer(comparisons, prepared, fellegiSunterModelOf(model))
  const count = blocked.left.length
  const matchWeight = new Float64Array(count)
  const probability = new Float64Array(count)
  for (let k = 0; k < count; k++) {
    const w = scorer.scoreKey(patternKeys[k] as number, blocked.left[k] as number)
    matchWeight[k] = w
    probability[k] = probabilityFromMatchWeight(w)
  }
  step('scoring', `${count} pairs scored from their pattern keys`)
  const prediction = splitAndCluster(records, matching, blocked, matchWeight, probability)
  step(
    'clustering',
    `${prediction.accepted.length} accepted, ${prediction.clustering.clusters.length} clusters`,
  )
  return prediction
}

/** Splits scored pairs by the thresholds, strongest first, and clusters the accepted ones. */
function splitAndCluster(
  records: Records,
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
    recordCount(records),
    {
      left: accepted.map((k) => blocked.left[k] as number),
      right: accepted.map((k) => blocked.right[k] as number),
    },
    mapRecords(records, guardedResidentId),
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
