import type { Month } from '../domain/month.js'
import { LinkNoRecordsError } from '../errors/link-errors.js'
import { NoMatchingSectionError } from '../errors/no-matching-section-error.js'
import { type ExpectedError, expectedError } from '../match/expected-error.js'
import type { LinkModel } from '../match/link-model.js'
import type { LinkResult } from '../match/link-period.js'
import {
  type LinkStep,
  linkRecordsInParallel,
  type ParallelLinkOptions,
} from '../match/link-records-parallel.js'
import { preparedPairLevels } from '../match/pair-levels.js'
import { assignPersons, type PersonAssignment } from '../match/person-identity.js'
import {
  findLinkRun,
  findPreviousLinkRun,
  nextPersonNumber,
  periodFiles,
  personsByFingerprint,
  replaceLinkage,
} from '../store/linkage.repository.js'
import { loadMatchRecords } from '../store/match-records.repository.js'
import type { Store } from '../store/open-store.js'
import { finishRun, startRun } from '../store/runs.repository.js'
import type { StoredLinkModel } from '../store/tables/link-run.table.js'
import type { Pipeline } from './pipeline.js'

/** The stages of a link, in order, as reported to `onStage`. */
export type LinkStage = 'load' | 'link' | 'persons' | 'store'

/** Options of linkStoredPeriod. */
export interface LinkStoredPeriodOptions {
  readonly period: Month
  /** Uniform in [0, 1), seeded: u sampling draws from it, so runs repeat. */
  readonly rng: () => number
  readonly now: () => Date
  /** Called when a stage ends, with its duration and a short account of what it did. */
  readonly onStage?: (stage: LinkStage, seconds: number, detail: string) => void
  /** The pipeline file as the user named it, for messages. */
  readonly pipelineFile?: string
  /** A saved model (parseLinkModel) to score with instead of training one on the period. */
  readonly model?: LinkModel
  /** Called when a step of the 'link' stage ends (blocking, training, scoring, clustering), for benchmarks. */
  readonly onLinkStep?: (step: LinkStep, seconds: number, detail: string) => void
  /** When pair scoring uses a worker thread (ParallelLinkOptions.parallel); by default from 100,000 records. */
  readonly parallel?: ParallelLinkOptions['parallel']
}

/** What a link did: the closing summary of `bidui link` and `bidui run`. */
export interface LinkSummary {
  readonly pipeline: string
  readonly county: string
  readonly period: string
  readonly runId: number
  readonly linkRunId: number
  /** The period whose person numbers were carried over, or null for a first linkage. */
  readonly previousPeriod: string | null
  /** Whether the period had a linkage that this one replaced. */
  readonly replaced: boolean
  readonly records: number
  readonly sources: readonly string[]
  readonly candidatePairs: number
  readonly accepted: number
  readonly review: number
  /** Accepted links the cluster guard refused (two valid IDs of people born the same day). */
  readonly flaggedLinks: number
  readonly persons: number
  readonly personStatus: PersonAssignment['counts']
  readonly merges: number
  readonly splits: number
  readonly expectedError: ExpectedError
  readonly model: LinkModelSummary
  /** 'trained' on this period, or 'given' (options.model). */
  readonly modelSource: 'trained' | 'given'
  readonly seconds: Readonly<Record<LinkStage, number>>
}

/** The model's parameters as the summary reports them (`link_run.model` keeps the whole model). */
export interface LinkModelSummary {
  readonly comparisons: readonly string[]
  readonly lambda: number
  readonly m: readonly (readonly number[])[]
  readonly u: readonly (readonly number[])[]
  readonly iterations: number
  readonly converged: boolean
  readonly seedPairs: number
  readonly patterns: number
  readonly thresholds: { readonly accept: number; readonly review: number }
}

/**
 * Links a period's stored records and stores the linkage: loads the records, links them
 * (blocking, u sampling, EM, scoring, clustering), gives every cluster a stable person number
 * carried over from the previous linked period, estimates the expected errors, and replaces the
 * period's linkage in one transaction. A failure leaves the store as it was, with the run
 * marked failed.
 * @throws NoMatchingSectionError, LinkNoRecordsError, BlockingBudgetError
 */
export async function linkStoredPeriod(
  store: Store,
  pipeline: Pipeline,
  options: LinkStoredPeriodOptions,
): Promise<LinkSummary> {
  const file = options.pipelineFile ?? pipeline.file
  const matching = pipeline.matching
  if (matching === null) throw new NoMatchingSectionError(file, 'link')
  // Declared attributes are read for attribute comparisons (an extra key where not supported).
  const q = {
    pipeline: pipeline.name,
    county: pipeline.jurisdiction.county,
    period: options.period,
    attributes: pipeline.attributes,
  }
  const seconds: Record<LinkStage, number> = { load: 0, link: 0, persons: 0, store: 0 }
  let clock = performance.now()
  const stageDone = (stage: LinkStage, detail: string) => {
    const now = performance.now()
    seconds[stage] = (now - clock) / 1000
    clock = now
    options.onStage?.(stage, seconds[stage], detail)
  }

  // One read of the period: the records as columns, their ids and fingerprints together.
  const [loaded, files] = await Promise.all([
    loadMatchRecords(store.db, { ...q, fingerprints: true }),
    periodFiles(store.db, q),
  ])
  const n = loaded.records.count
  if (n === 0) throw new LinkNoRecordsError(file, options.period, store.location)
  stageDone('load', `${n} records from ${loaded.sources.length} sources`)

  const runId = await startRun(store.db, { ...q, command: 'link', now: options.now() })
  try {
    // Pair scoring on both cores for a large period (link-records-parallel.ts); same result as linkRecords.
    const result = await linkRecordsInParallel(loaded.records, loaded.sourceOf, matching, {
      rng: options.rng,
      pipeline: pipeline.name,
      period: options.period,
      ...(options.model === undefined ? {} : { model: options.model }),
      ...(options.onLinkStep === undefined ? {} : { onStep: options.onLinkStep }),
      ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    })
    const kept = keptPairs(result)
    const keptLeft = kept.map((k) => result.pairs.left[k] as number)
    const keptRight = kept.map((k) => result.pairs.right[k] as number)
    // The comparisons the link prepared: preparing every record again cost ~2 s CPU per 245k records.
    const levels = preparedPairLevels(result.input, keptLeft, keptRight)
    stageDone(
      'link',
      `${result.pairs.left.length} candidate pairs, ${result.accepted.length} accepted, ${result.review.length} to review`,
    )

    const fingerprints = loaded.fingerprints as readonly string[]
    const [previousRun, earlierRun, nextNumber] = await Promise.all([
      findPreviousLinkRun(store.db, q),
      findLinkRun(store.db, q),
      nextPersonNumber(store.db),
    ])
    const assignment = assignPersons({
      fingerprints,
      clusterOf: result.clustering.clusterOf,
      previous: previousRun ? await personsByFingerprint(store.db, previousRun.id) : new Map(),
      ...(earlierRun ? { earlier: await personsByFingerprint(store.db, earlierRun.id) } : {}),
      nextNumber,
    })
    const errors = expectedError(result.pairs.probability, matching.thresholds)
    const c = assignment.counts
    stageDone(
      'persons',
      `${assignment.persons.length} persons: ${c.new} new, ${c.continuing} continuing, ${c.merged} merged, ${c.split} split`,
    )

    const p = result.parameters
    const model: LinkModelSummary = {
      comparisons: p.comparisons,
      lambda: p.lambda,
      m: p.m,
      u: p.u,
      iterations: p.iterations,
      converged: p.converged,
      seedPairs: p.seedPairs,
      patterns: p.patterns,
      thresholds: matching.thresholds,
    }
    const acceptedCount = result.accepted.length
    const summaryWithoutStore = {
      pipeline: q.pipeline,
      county: q.county,
      period: q.period,
      runId,
      previousPeriod: previousRun?.period ?? null,
      replaced: earlierRun !== undefined,
      records: n,
      sources: loaded.sources,
      candidatePairs: result.pairs.left.length,
      accepted: acceptedCount,
      review: result.review.length,
      flaggedLinks: result.clustering.flagged.length,
      persons: assignment.persons.length,
      personStatus: assignment.counts,
      merges: assignment.events.filter((e) => e.kind === 'merge').length,
      splits: assignment.events.filter((e) => e.kind === 'split').length,
      expectedError: errors,
      model,
      modelSource: options.model === undefined ? ('trained' as const) : ('given' as const),
    }
    const recordId = loaded.recordIds
    const linkRunId = await replaceLinkage(store, {
      pipeline: q.pipeline,
      county: q.county,
      period: q.period,
      runId,
      linkedAt: options.now(),
      model: {
        thresholds: matching.thresholds,
        source: summaryWithoutStore.modelSource,
        linkModel: result.model,
      } satisfies StoredLinkModel,
      stats: { ...summaryWithoutStore, expectedError: undefined, model: undefined, seconds },
      expectedError: errors,
      files,
      records: n,
      candidatePairs: result.pairs.left.length,
      pairs: {
        left: kept.map((k) => recordId[result.pairs.left[k] as number] as number),
        right: kept.map((k) => recordId[result.pairs.right[k] as number] as number),
        band: kept.map((_, x) => (x < acceptedCount ? 'accept' : 'review')),
        matchWeight: kept.map((k) => result.pairs.matchWeight[k] as number),
        probability: kept.map((k) => result.pairs.probability[k] as number),
        levels,
      },
      recordPersons: { recordId, personId: assignment.personOf, fingerprint: fingerprints },
      persons: assignment.persons.map((x) => x.number),
      firstNewPerson: nextNumber,
      events: assignment.events,
    })
    stageDone('store', `${kept.length} pairs and ${n} record persons stored`)
    await finishRun(store.db, runId, 'succeeded', options.now())
    return { ...summaryWithoutStore, linkRunId, seconds }
  } catch (e) {
    await finishRun(store.db, runId, 'failed', options.now())
    throw e
  }
}

/** Indices of the pairs a linkage keeps: the accepted ones, then those for review, strongest first. */
function keptPairs(result: LinkResult): number[] {
  return [...result.accepted, ...result.review]
}
