import { Worker } from 'node:worker_threads'
import { RelayedError } from '../errors/relayed-error.js'
import type { NormalizedBatch, NormalizedStream, NormalizedStreamRequest } from './normalized-stream.js'
import type { WorkerMessage } from './worker-protocol.js'

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
const workerUrl = new URL('./ingest-worker.js', import.meta.url)

/** True when this module runs compiled, so the worker file exists beside it. */
export const workersAvailable = import.meta.url.endsWith('.js')

/**
 * Same as openNormalizedStream, but the reading and normalizing happen in a worker thread, so
 * they run on one core while the caller writes the store on the other.
 */
export function openNormalizedStreamInWorker(req: NormalizedStreamRequest): Promise<NormalizedStream> {
  const worker = new Worker(workerUrl, { workerData: req })
  const queue: WorkerMessage[] = []
  let notify: (() => void) | null = null
  let failure: Error | null = null
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m)
    notify?.()
    notify = null
  })
  worker.on('error', (e) => {
    failure = e
    notify?.()
    notify = null
  })
  worker.on('exit', () => {
    notify?.()
    notify = null
  })

  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const m = queue.shift()
      if (m) {
        if (m.type === 'error') throw toError(m.error)
        return m
      }
      if (failure) throw failure
      await new Promise<void>((r) => (notify = r))
    }
  }
  const stop = async () => {
    worker.postMessage('stop')
    await worker.terminate()
  }

  return next().then(
    (first) => {
      if (first.type !== 'header') throw new Error(`ingest worker sent ${first.type} before the header`)
      async function* batches(): AsyncGenerator<NormalizedBatch> {
        for (;;) {
          const m = await next()
          if (m.type === 'done') return
          if (m.type === 'batch') {
            worker.postMessage('ack')
            yield m.batch
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
    },
    async (e) => {
      await stop()
      throw e
    },
  )
}

function toError(e: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  if (e.known) return new RelayedError(e.code, e.message, e.hint, e.where)
  return new Error(`ingest worker failed: ${e.message}`)
}
