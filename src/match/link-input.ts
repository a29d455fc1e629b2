import type { Matching } from '../pipeline/pipeline.js'
import { blockPairs, type CandidatePairs } from './blocking.js'
import type { Comparison, MatchRecord } from './comparison.js'
import { namedComparison } from './named-comparison.js'
import { type PreparedRecords, prepareRecords } from './prepare-records.js'

/** What training and prediction both start from: the candidate pairs and the prepared comparisons. */
export interface LinkInput {
  readonly blocked: CandidatePairs
  readonly comparisons: readonly Comparison[]
  readonly prepared: PreparedRecords
}

/**
 * Blocks the records with the pipeline's rules (the pair budget applies per rule) and prepares
 * the pipeline's comparisons over them, once, so that train and predict on one period share it.
 * `acrossSourcesOnly`: pair only records whose sourceOf differs.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function prepareLinkInput(
  records: readonly MatchRecord[],
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: { readonly acrossSourcesOnly?: boolean } = {},
): LinkInput {
  const blocked = blockPairs(records, matching.blocking, {
    maxPairsPerRule: matching.pairBudget,
    ...(options.acrossSourcesOnly === true ? { sourceOf } : {}),
  })
  const comparisons = matching.comparisons.map(namedComparison)
  return { blocked, comparisons, prepared: prepareRecords(records, comparisons) }
}
