import { Worker } from 'node:worker_threads'
import type { MatchRecord } from './comparison.js'
import type { FellegiSunterModel } from './fellegi-sunter.js'
import { type ComparisonSpec, namedComparison } from './named-comparison.js'
import type { PairScorer } from './pair-scorer.js'
import { type PairScoringJob, type PairScoringMessage, packRecords } from './pair-scoring-protocol.js'
import { scoreClaimedChunks } from './score-claimed-chunks.js'

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
const workerUrl = new URL('./pair-scoring-worker.js', import.meta.url)

/** True when this module runs compiled, so the worker file exists beside it. */
export const scoringWorkerAvailable = import.meta.url.endsWith('.js')

/**
 * Fewer records than this and linking stays in one thread: starting a worker and preparing the
 * records there costs tens of milliseconds, more than scoring a small period's pairs (the demo's
 * 8,000 take about 10 ms).
 */
export const parallelMinimumRecords = 100_000

/** Fewer candidate pairs than this and an open worker is left idle: one thread scores them sooner. */
export const parallelMinimumPairs = 500_000

/** Pairs a thread claims at a time: big enough that claiming costs nothing, small enough to end together. */
const chunkPairs = 16_384

/** A worker that prepares the same records as the main thread, to score half the pairs. */
export interface PairScoringWorker {
  /** Seconds the worker took to unpack and prepare the records, once it has. */
  ready(): Promise<number>
  /** Stops the worker (idempotent). */
  close(): Promise<void>
  /** @internal used by scorePairsInParallel */
  run(job: PairScoringJob): Promise<{ pairs: number; seconds: number }>
}

/**
 * Starts a pair-scoring worker on `records`, which it prepares for `comparisons` while the caller
 * blocks and trains. Only the fields the comparisons read are sent, packed (PackedRecords).
 * Returns null when the worker cannot run (TypeScript sources, e.g. under vitest).
 */
export function openPairScoringWorker(
  records: readonly MatchRecord[],
  comparisons: readonly ComparisonSpec[],
): PairScoringWorker | null {
  if (!scoringWorkerAvailable) return null
  const fields = [...new Set(comparisons.flatMap((c) => namedComparison(c).fields))]
  const worker = new Worker(workerUrl, {
    workerData: { comparisons, records: packRecords(records, fields) },
    // 32 MiB semi-spaces, as the ingest readers have: preparing millions of records with the
    // default 16 MiB kept promoting short-lived values, and the worker spent a sixth of its time
    // collecting garbage.
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  })
  let failure: Error | null = null
  let exited = false
  const waiting: ((m: PairScoringMessage | Error) => void)[] = []
  const queue: (PairScoringMessage | Error)[] = []
  const deliver = (m: PairScoringMessage | Error) => {
    const w = waiting.shift()
    if (w) w(m)
    else queue.push(m)
  }
  worker.on('message', (m: PairScoringMessage) => deliver(m))
  worker.on('error', (e) => {
    failure = e
    deliver(e)
  })
  worker.on('exit', () => {
    exited = true
    deliver(new Error('pair-scoring worker stopped'))
  })
  const next = (): Promise<PairScoringMessage> => {
    const m = queue.shift() ?? (failure !== null ? failure : undefined)
    const settle = (x: PairScoringMessage | Error): PairScoringMessage => {
      if (x instanceof Error) throw x
      if (x.type === 'error') throw new Error(`pair-scoring worker failed: ${x.message}`)
      return x
    }
    if (m !== undefined) return Promise.resolve().then(() => settle(m))
    return new Promise<PairScoringMessage | Error>((resolve) => waiting.push(resolve)).then(settle)
  }
  let readySeconds: Promise<number> | null = null
  const ready = () => {
    readySeconds ??= next().then((m) => {
      if (m.type !== 'ready') throw new Error(`pair-scoring worker sent ${m.type} before ready`)
      return m.seconds
    })
    return readySeconds
  }
  return {
    ready,
    async close() {
      if (exited) return
      // Swallow a pending ready's rejection: the worker is stopped on purpose.
      readySeconds?.catch(() => undefined)
      await worker.terminate()
    },
    async run(job) {
      worker.postMessage(job)
      await ready()
      const m = await next()
      if (m.type !== 'scored') throw new Error(`pair-scoring worker sent ${m.type} instead of scored`)
      return { pairs: m.pairs, seconds: m.seconds }
    },
  }
}

/** Scores and how the two threads shared them. */
export interface ParallelScores {
  readonly matchWeight: Float64Array
  readonly probability: Float64Array
  /** Pairs scored by this thread and by the worker. */
  readonly pairsHere: number
  readonly pairsInWorker: number
  /** Wall seconds of this thread's scoring loop, and of the worker's (from its job's arrival). */
  readonly secondsHere: number
  readonly secondsInWorker: number
}

/**
 * Scores every pair (left[k], right[k]) on two threads: this one with `createScorer()`, the worker with
 * its own scorer over the same prepared records and `model`. Both claim chunks from a shared
 * counter and write into shared result arrays, so the result is the same array a single thread
 * would fill, bit for bit (each pair is scored by the same arithmetic on the same values). The
 * worker joins as soon as it has prepared its records; until then this thread scores alone.
 * `chunk`: pairs claimed at a time (tests pass a small one so that both threads get some).
 */
export async function scorePairsInParallel(
  createScorer: () => PairScorer,
  model: FellegiSunterModel,
  left: Int32Array,
  right: Int32Array,
  worker: PairScoringWorker,
  chunk = chunkPairs,
): Promise<ParallelScores> {
  const count = left.length
  const sharedInts = (from: Int32Array) => {
    const buffer = new SharedArrayBuffer(from.length * 4)
    new Int32Array(buffer).set(from)
    return buffer
  }
  const job: PairScoringJob = {
    type: 'score',
    model,
    count,
    chunk,
    left: sharedInts(left),
    right: sharedInts(right),
    matchWeight: new SharedArrayBuffer(count * 8),
    probability: new SharedArrayBuffer(count * 8),
    next: new SharedArrayBuffer(4),
  }
  // The job goes out before this thread builds its scorer, so that both count their term
  // frequencies (seconds at 2.4 million records) at the same time.
  const inWorker = worker.run(job)
  // Keep an early worker failure from being an unhandled rejection while this thread scores.
  inWorker.catch(() => undefined)
  const started = performance.now()
  const scorer = createScorer()
  const pairsHere = scoreClaimedChunks(scorer, job)
  const secondsHere = (performance.now() - started) / 1000
  const done = await inWorker
  return {
    matchWeight: new Float64Array(job.matchWeight),
    probability: new Float64Array(job.probability),
    pairsHere,
    pairsInWorker: done.pairs,
    secondsHere,
    secondsInWorker: done.seconds,
  }
}
