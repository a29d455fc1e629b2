import type { Matching } from '../pipeline/pipeline.js'
import { blockPairs, type CandidatePairs } from './blocking.js'
import type { Comparison } from './comparison.js'
import { sourcePairOptions } from './link-type.js'
import { namedComparison } from './named-comparison.js'
import { type PreparedRecords, prepareRecords } from './prepare-records.js'
import type { Records } from './record-columns.js'

/** What training and prediction both start from: the candidate pairs and the prepared comparisons. */
export interface LinkInput {
  readonly blocked: CandidatePairs
  readonly comparisons: readonly Comparison[]
  readonly prepared: PreparedRecords
}

/**
 * Blocks the records with the pipeline's rules (the pair budget applies per rule) and prepares
 * the pipeline's comparisons over them, once, so that train and predict on one period share it.
 * Pairs follow `matching.linkType` (link: across sources, dedupe: within each source, by
 * sourceOf); `acrossSourcesOnly` forces across sources whatever the link type.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function prepareLinkInput(
  records: Records,
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: { readonly acrossSourcesOnly?: boolean } = {},
): LinkInput {
  const blocked = blockPairs(records, matching.blocking, {
    maxPairsPerRule: matching.pairBudget,
    ...sourcePairOptions(matching.linkType, sourceOf, options.acrossSourcesOnly),
  })
  const comparisons = matching.comparisons.map(namedComparison)
  return { blocked, comparisons, prepared: prepareRecords(records, comparisons) }
}
