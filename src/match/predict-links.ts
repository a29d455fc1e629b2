import type { Matching } from '../pipeline/pipeline.js'
import { type Clustering, clusterLinks } from './cluster.js'
import { looksExcelTruncated } from './comparators/resident-id.js'
import type { MatchRecord } from './comparison.js'
import { probabilityFromMatchWeight } from './fellegi-sunter.js'
import { type LinkInput, prepareLinkInput } from './link-input.js'
import { fellegiSunterModelOf, type LinkModel, linkModelMisfits } from './link-model.js'
import { createPairScorer } from './pair-scorer.js'
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
