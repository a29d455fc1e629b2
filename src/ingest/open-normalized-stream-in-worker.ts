import { Worker } from 'node:worker_threads'
import { RelayedError } from '../errors/relayed-error.js'
import type { NormalizedBatch, NormalizedStream, NormalizedStreamRequest } from './normalized-stream.js'
import { SplitBoundaryInQuoteError } from './split-boundary-in-quote-error.js'
import type { ByteRange } from './table-source.js'
import type { WorkerJob, WorkerMessage } from './worker-protocol.js'

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
const workerUrl = new URL('./ingest-worker.js', import.meta.url)

/** True when this module runs compiled, so the worker file exists beside it. */
export const workersAvailable = import.meta.url.endsWith('.js')

/**
 * Young generation of a reading worker: 96 MiB, i.e. 32 MiB semi-spaces (V8 sizes the young
 * generation at three semi-spaces). With the default 16 MiB semi-spaces a batch of rows in
 * flight outlives two scavenges and gets promoted, and garbage collection took a third of the
 * reader's time; at 32 MiB a reader spends about 9 µs per person row instead of 13 µs.
 */
const readerYoungGenerationMb = 96

/** Reading workers for a split file: with the store thread that makes one thread per core on 2 cores, plus one. */
const splitReaders = 2

/**
 * Same as openNormalizedStream, but the reading and normalizing happen in worker threads while
 * the caller writes the store. A file split into byte ranges (scan-export.ts) is read by two
 * workers taking every other range; batches still come out in file order, because the caller
 * drains range 0 from the first worker, range 1 from the second, and so on, while the other
 * worker reads ahead.
 *
 * @throws SplitBoundaryInQuoteError (while iterating) when a range boundary fell inside a quoted cell
 */
export async function openNormalizedStreamInWorker(
  req: NormalizedStreamRequest,
  ranges: readonly ByteRange[] | null = null,
): Promise<NormalizedStream> {
  const readers = ranges === null ? 1 : Math.min(splitReaders, ranges.length)
  // A reader must be able to read a whole range ahead while the caller drains the other one,
  // but no more: batches waiting here are live objects in this thread's heap, and more than a
  // young generation's worth of them get promoted and cost old-generation collections.
  const maxInFlight = ranges === null ? 4 : 3
  const channels = Array.from({ length: readers }, (_, w) =>
    openChannel(req.file, {
      request: req,
      ranges: ranges === null ? [null] : ranges.filter((_, i) => i % readers === w),
      maxInFlight,
    }),
  )
  const stop = async () => {
    await Promise.all(channels.map((c) => c.stop()))
  }
  try {
    const [main] = channels
    if (!main) throw new Error('no ingest worker')
    const first = await main.next()
    if (first.type !== 'header') throw new Error(`ingest worker sent ${first.type} before the header`)
    const rangeCount = ranges === null ? 1 : ranges.length
    async function* batches(): AsyncGenerator<NormalizedBatch> {
      for (let i = 0; i < rangeCount; i++) {
        const channel = channels[i % readers] as Channel
        for (;;) {
          const m = await channel.next()
          if (m.type === 'range-done') break
          if (m.type === 'batch') {
            channel.ack()
            yield m.batch
          } else if (m.type !== 'header')
            throw new Error(`ingest worker sent ${m.type} in the middle of a range`)
        }
      }
    }
    return {
      header: first.header,
      indexOf: new Map(first.indexOf),
      bytes: first.bytes,
      batches: batches(),
      close: stop,
    }
  } catch (e) {
    await stop()
    throw e
  }
}

interface Channel {
  /** The worker's next message; throws its error. */
  next(): Promise<WorkerMessage>
  ack(): void
  stop(): Promise<void>
}

function openChannel(file: string, job: WorkerJob): Channel {
  const worker = new Worker(workerUrl, {
    workerData: job,
    resourceLimits: { maxYoungGenerationSizeMb: readerYoungGenerationMb },
  })
  const queue: WorkerMessage[] = []
  let notify: (() => void) | null = null
  let failure: Error | null = null
  let exited = false
  const wake = () => {
    notify?.()
    notify = null
  }
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m)
    wake()
  })
  worker.on('error', (e) => {
    failure = e
    wake()
  })
  worker.on('exit', () => {
    exited = true
    wake()
  })
  return {
    async next() {
      for (;;) {
        const m = queue.shift()
        if (m) {
          if (m.type === 'error') throw toError(m.error)
          if (m.type === 'split-unsafe') throw new SplitBoundaryInQuoteError(file, m.line)
          return m
        }
        if (failure) throw failure
        if (exited) throw new Error('ingest worker stopped before finishing its ranges')
        await new Promise<void>((r) => (notify = r))
      }
    },
    ack: () => worker.postMessage('ack'),
    async stop() {
      worker.postMessage('stop')
      await worker.terminate()
    },
  }
}

function toError(e: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  if (e.known) return new RelayedError(e.code, e.message, e.hint, e.where)
  return new Error(`ingest worker failed: ${e.message}`)
}
