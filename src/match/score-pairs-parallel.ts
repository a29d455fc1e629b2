import { Worker } from 'node:worker_threads'
import type { Comparison } from './comparison.js'
import { type ComparisonSpec, namedComparison } from './named-comparison.js'
import { patternKeysOfClaimedChunks } from './pair-pattern-keys.js'
import { type PairComparingJob, type PairScoringMessage, packRecords } from './pair-scoring-protocol.js'
import type { PreparedRecords } from './prepare-records.js'
import type { Records } from './record-columns.js'

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
  /** @internal used by comparePairsInParallel */
  run(job: PairComparingJob): Promise<{ pairs: number; seconds: number }>
}

/**
 * Starts a pair-scoring worker on `records`, which it prepares for `comparisons` while the caller
 * blocks and trains. Only the fields the comparisons read are sent, packed (PackedRecords).
 * Returns null when the worker cannot run (TypeScript sources, e.g. under vitest).
 */
export function openPairScoringWorker(
  records: Records,
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
      if (m.type !== 'compared') throw new Error(`pair-scoring worker sent ${m.type} instead of compared`)
      return { pairs: m.pairs, seconds: m.seconds }
    },
  }
}

/** Pattern keys and how the two threads shared the comparing. */
export interface ParallelPatternKeys {
  /** keys[k]: the pattern key of pair k (pairPatternKeys). */
  readonly keys: Float64Array
  /** Pairs compared by this thread and by the worker. */
  readonly pairsHere: number
  readonly pairsInWorker: number
  /** Wall seconds of this thread's comparing loop, and of the worker's (from its job's arrival). */
  readonly secondsHere: number
  readonly secondsInWorker: number
}

/**
 * The pattern keys of every pair (left[k], right[k]) (pairPatternKeys), computed on two threads:
 * this one over `prepared`, the worker over its own preparation of the same records. Both claim
 * chunks from a shared counter and write into one shared array, so the result is the array a
 * single thread would fill, bit for bit (a key depends only on the pair's prepared values). The
 * worker joins as soon as it has prepared its records; until then this thread compares alone.
 * `chunk`: pairs claimed at a time (tests pass a small one so that both threads get some).
 */
export async function comparePairsInParallel(
  comparisons: readonly Comparison[],
  prepared: PreparedRecords,
  left: Int32Array,
  right: Int32Array,
  worker: PairScoringWorker,
  chunk = chunkPairs,
): Promise<ParallelPatternKeys> {
  const count = left.length
  const sharedInts = (from: Int32Array) => {
    const buffer = new SharedArrayBuffer(from.length * 4)
    new Int32Array(buffer).set(from)
    return buffer
  }
  const job: PairComparingJob = {
    type: 'compare',
    count,
    chunk,
    left: sharedInts(left),
    right: sharedInts(right),
    keys: new SharedArrayBuffer(count * 8),
    next: new SharedArrayBuffer(4),
  }
  const inWorker = worker.run(job)
  // Keep an early worker failure from being an unhandled rejection while this thread compares.
  inWorker.catch(() => undefined)
  const started = performance.now()
  const pairsHere = patternKeysOfClaimedChunks(comparisons, prepared, job)
  const secondsHere = (performance.now() - started) / 1000
  const done = await inWorker
  return {
    keys: new Float64Array(job.keys),
    pairsHere,
    pairsInWorker: done.pairs,
    secondsHere,
    secondsInWorker: done.seconds,
  }
}
