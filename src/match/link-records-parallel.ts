import type { Matching } from '../pipeline/pipeline.js'
import type { MatchRecord } from './comparison.js'
import { prepareLinkInput } from './link-input.js'
import { type LinkOptions, type LinkResult, linkParameters } from './link-period.js'
import { predictLinksInParallel, type ScoringStats } from './predict-links.js'
import { openPairScoringWorker, parallelMinimumRecords } from './score-pairs-parallel.js'
import { trainLinkModel } from './train-link-model.js'

/** The steps of a link, in order, as reported to `onStep`. */
export type LinkStep = 'blocking' | 'training' | 'scoring' | 'clustering'

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
 * linkRecords with the pair scoring on both cores: for a period of parallelMinimumRecords records
 * or more, a worker is started first and prepares the records while this thread blocks and
 * trains, then scores half the candidate pairs (score-pairs-parallel.ts). Smaller periods (the
 * demo) run in this thread only. The result equals linkRecords' bit for bit.
 * @throws BlockingBudgetError when a rule breaks `matching.pairBudget`.
 */
export async function linkRecordsInParallel(
  records: readonly MatchRecord[],
  sourceOf: ArrayLike<number>,
  matching: Matching,
  options: ParallelLinkOptions,
): Promise<LinkResult & { readonly scoring: ScoringStats }> {
  const worker =
    records.length >= (options.parallel?.minimumRecords ?? parallelMinimumRecords)
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
    step('blocking', `${input.blocked.left.length} candidate pairs; comparisons prepared`)
    const model = options.model ?? trainLinkModel(records, sourceOf, matching, options, input)
    step('training', options.model === undefined ? `${model.training.patterns} patterns` : 'model given')
    const prediction = await predictLinksInParallel(records, matching, model, input, {
      worker,
      ...(options.parallel?.minimumPairs === undefined
        ? {}
        : { minimumPairs: options.parallel.minimumPairs }),
      ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
    })
    return {
      ...prediction,
      model,
      input,
      parameters: linkParameters(model),
    }
  } finally {
    await worker?.close()
  }
}
