import type { Matching } from '../pipeline/pipeline.js'
import { type LinkInput, prepareLinkInput } from './link-input.js'
import type { LinkModel } from './link-model.js'
import { pairPatternKeys } from './pair-pattern-keys.js'
import { type LinkPrediction, predictLinks } from './predict-links.js'
import type { Records } from './record-columns.js'
import { type TrainLinkOptions, trainLinkModel } from './train-link-model.js'

export type { ScoredPairs } from './predict-links.js'
export { validResidentId } from './valid-resident-id.js'

/** Options of linkRecords: those of trainLinkModel, and optionally a model to use instead of training. */
export interface LinkOptions extends TrainLinkOptions {
  /** A trained model (e.g. last month's, from parseLinkModel): scored with as is, no training. */
  readonly model?: LinkModel
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
export interface LinkResult extends LinkPrediction {
  /** The model's parameters (of the given model when `options.model` was passed). */
  readonly parameters: LinkParameters
  /** The model scored with: trained here, or `options.model`. Save it to reuse next month. */
  readonly model: LinkModel
  /**
   * The blocked pairs and the comparisons prepared over the records, as scored: enough to
   * recompute any pair's levels (preparedPairLevels) without preparing the records again.
   */
  readonly input: LinkInput
}

/**
 * Links one period's records end to end: trains a model on them (trainLinkModel: unsupervised,
 * truth never used) unless `options.model` is given, then scores, splits and clusters the
 * blocked pairs with it (predictLinks). Blocking runs once for both.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export function linkRecords(
  records: Records,
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: LinkOptions,
): LinkResult {
  // Blocking, u and λ follow matching.linkType (link-type.ts) inside prepareLinkInput and trainLinkModel.
  const input = prepareLinkInput(records, sourceOf, matching, options)
  // Every pair compared once: training counts these keys, scoring looks their weights up.
  const keys = pairPatternKeys(input.comparisons, input.prepared, input.blocked.left, input.blocked.right)
  const model = options.model ?? trainLinkModel(records, sourceOf, matching, options, input, keys)
  const prediction = predictLinks(records, sourceOf, matching, model, options, input, keys)
  return {
    ...prediction,
    model,
    input,
    parameters: linkParameters(model),
  }
}

/** A model's parameters as a link result reports them (what evaluate and link print). */
export function linkParameters(model: LinkModel): LinkParameters {
  return {
    lambda: model.lambda,
    m: model.comparisons.map((c) => c.m),
    u: model.comparisons.map((c) => c.u),
    comparisons: model.comparisons.map((c) => c.name),
    iterations: model.training.iterations,
    converged: model.training.converged,
    seedPairs: model.training.seedPairs,
    patterns: model.training.patterns,
  }
}
