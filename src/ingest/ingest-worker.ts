import { parentPort, workerData } from 'node:worker_threads'
import { BiduiError } from '../errors/bidui-error.js'
import type { RowNormalizer } from './normalize-row.js'
import { openNormalizedStream } from './normalized-stream.js'
import { SplitBoundaryInQuoteError } from './split-boundary-in-quote-error.js'
import type { WorkerJob, WorkerMessage } from './worker-protocol.js'

/**
 * Worker-thread side of a normalized stream: reads and normalizes one export (or some of its
 * byte ranges) and posts batches to the thread that writes the store. At most `maxInFlight`
 * batches wait unacknowledged, so a slow store does not make this thread buffer the whole file.
 */
const port = parentPort
if (!port) throw new Error('ingest-worker.ts must run in a worker thread')
const job = workerData as WorkerJob

let credits = job.maxInFlight
let wake: (() => void) | null = null
let stopped = false
port.on('message', (m: 'ack' | 'stop') => {
  if (m === 'stop') stopped = true
  else credits++
  wake?.()
  wake = null
})

const post = (m: WorkerMessage) => port.postMessage(m)

try {
  const normalizers = new Map<string, RowNormalizer>()
  let first = true
  for (const range of job.ranges) {
    if (stopped) break
    const stream = await openNormalizedStream(range ? { ...job.request, range } : job.request, normalizers)
    if (first)
      post({ type: 'header', header: stream.header, indexOf: [...stream.indexOf], bytes: stream.bytes })
    first = false
    try {
      for await (const batch of stream.batches) {
        while (credits === 0 && !stopped) await new Promise<void>((r) => (wake = r))
        if (stopped) break
        credits--
        post({ type: 'batch', batch })
      }
    } finally {
      await stream.close()
    }
    post({ type: 'range-done' })
  }
  post({ type: 'done' })
} catch (e) {
  if (e instanceof SplitBoundaryInQuoteError) post({ type: 'split-unsafe', line: e.line })
  else
    post({
      type: 'error',
      error:
        e instanceof BiduiError
          ? { known: true, code: e.code, message: e.message, hint: e.hint, where: e.where }
          : { known: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    })
}
port.close()
