/**
 * Worker thread of comparePairsInParallel: prepares the records it was started with, then
 * computes the pattern keys of the chunks of candidate pairs it claims from each job's shared
 * counter.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { namedComparison } from './named-comparison.js'
import { patternKeysOfClaimedChunks } from './pair-pattern-keys.js'
import type { PairComparingJob, PairScoringMessage, PairScoringWorkerData } from './pair-scoring-protocol.js'
import { unpackColumns } from './pair-scoring-protocol.js'
import { type PreparedRecords, prepareRecords } from './prepare-records.js'

const port = parentPort
if (port === null) throw new Error('pair-scoring-worker.js must run as a worker thread')
const post = (m: PairScoringMessage) => port.postMessage(m)

try {
  const started = performance.now()
  const data = workerData as PairScoringWorkerData
  const comparisons = data.comparisons.map(namedComparison)
  // The same prepareRecords over the same field values as the main thread: the same prepared
  // values, hence bit-identical scores.
  const prepared: PreparedRecords = prepareRecords(unpackColumns(data.records), comparisons)
  post({ type: 'ready', seconds: (performance.now() - started) / 1000 })
  port.on('message', (job: PairComparingJob | 'stop') => {
    if (job === 'stop') {
      port.close()
      return
    }
    try {
      const jobStarted = performance.now()
      const pairs = patternKeysOfClaimedChunks(comparisons, prepared, job)
      post({ type: 'compared', pairs, seconds: (performance.now() - jobStarted) / 1000 })
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
    }
  })
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
}
