import type { Matching } from '../pipeline/pipeline.js'
import { prepareLinkInput } from './link-input.js'
import { type LinkOptions, type LinkResult, linkParameters } from './link-period.js'
import { pairPatternKeys } from './pair-pattern-keys.js'
import { predictLinksFromPatternKeys, type ScoringStats } from './predict-links.js'
import { type Records, recordCount } from './record-columns.js'
import {
  comparePairsInParallel,
  openPairScoringWorker,
  parallelMinimumPairs,
  parallelMinimumRecords,
} from './score-pairs-parallel.js'
import { trainLinkModel } from './train-link-model.js'

/** The steps of a link, in order, as reported to `onStep`. */
export type LinkStep = 'blocking' | 'comparing' | 'training' | 'scoring' | 'clustering'

/** Options of linkRecordsInParallel: linkRecords' options, and a listener for the steps. */
export interface ParallelLinkOptions extends LinkOptions {
  /** Called when a step ends, with its wall seconds and a short account of it. */
  readonly onStep?: (step: LinkStep, seconds: number, detail: string) => void
  /**
   * When to use the worker: from `minimumRecords` records (default parallelMinimumRecords) and
   * `minimumPairs` candidate pairs (default parallelMinimumPairs). Infinity keeps one thread.
   */
  readonly parallel?: { readonly minimumRecords?: number; readonly minimumPairs?: number }
}

/**
 * linkRecords with the comparing of pairs on both cores: for a period of parallelMinimumRecords
 * records or more, a worker is started first and prepares the records while this thread blocks,
 * then both compute half the candidate pairs' pattern keys (comparePairsInParallel). Training
 * counts patterns from those keys and scoring looks their weights up, so every pair is compared
 * once. Smaller periods (the demo) run in this thread only. The result equals linkRecords' bit
 * for bit.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export async function linkRecordsInParallel(
  records: Records,
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: ParallelLinkOptions,
): Promise<LinkResult & { readonly scoring: ScoringStats }> {
  const worker =
    recordCount(records) >= (options.parallel?.minimumRecords ?? parallelMinimumRecords)
      ? openPairScoringWorker(records, matching.comparisons)
      : null
  try {
    let clock = performance.now()
    const step = (name: LinkStep, detail: string) => {
      const now = performance.now()
      options.onStep?.(name, (now - clock) / 1000, detail)
      clock = now
    }
    // As linkRecords (link-period.ts): blocking, u and λ follow matching.linkType inside
    // prepareLinkInput and trainLinkModel.
    const input = prepareLinkInput(records, sourceOf, matching, options)
    const { left, right } = input.blocked
    step('blocking', `${left.length} candidate pairs; comparisons prepared`)
    let scoring: ScoringStats
    let keys: Float64Array
    if (worker !== null && left.length >= (options.parallel?.minimumPairs ?? parallelMinimumPairs)) {
      const r = await comparePairsInParallel(input.comparisons, input.prepared, left, right, worker)
      keys = r.keys
      scoring = r
    } else {
      const started = performance.now()
      keys = pairPatternKeys(input.comparisons, input.prepared, left, right)
      const seconds = (performance.now() - started) / 1000
      scoring = { pairsHere: left.length, pairsInWorker: 0, secondsHere: seconds, secondsInWorker: 0 }
    }
    const rate = (pairs: number, seconds: number) => (seconds > 0 ? Math.round(pairs / seconds) : 0)
    step(
      'comparing',
      `${left.length} pairs: ${scoring.pairsHere} in this thread (${rate(scoring.pairsHere, scoring.secondsHere)}/s), ` +
        `${scoring.pairsInWorker} in the worker (${rate(scoring.pairsInWorker, scoring.secondsInWorker)}/s)`,
    )
    const model = options.model ?? trainLinkModel(records, sourceOf, matching, options, input, keys)
    step('training', options.model === undefined ? `${model.training.patterns} patterns` : 'model given')
    const prediction = predictLinksFromPatternKeys(records, matching, model, input, keys, (name, _, detail) =>
      step(name, detail),
    )
    return {
      ...prediction,
      scoring,
      model,
      input,
      parameters: linkParameters(model),
    }
  } finally {
    await worker?.close()
  }
}
