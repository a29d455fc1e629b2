/**
 * Worker thread of scorePairsInParallel: prepares the records it was started with, then scores
 * the chunks of candidate pairs it claims from each job's shared counter.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Comparison } from './comparison.js'
import { namedComparison } from './named-comparison.js'
import { createPairScorer } from './pair-scorer.js'
import type { PairScoringJob, PairScoringMessage, PairScoringWorkerData } from './pair-scoring-protocol.js'
import { forEachUnpacked } from './pair-scoring-protocol.js'
import type { PreparedRecords } from './prepare-records.js'
import { scoreClaimedChunks } from './score-claimed-chunks.js'

const port = parentPort
if (port === null) throw new Error('pair-scoring-worker.js must run as a worker thread')
const post = (m: PairScoringMessage) => port.postMessage(m)

try {
  const started = performance.now()
  const data = workerData as PairScoringWorkerData
  const comparisons = data.comparisons.map(namedComparison)
  // The same prepare over the same field values as the main thread's prepareRecords: the same
  // prepared values, hence bit-identical scores.
  // Record by record, as prepareRecords does column by column, so the unpacked records never
  // all live at once (at 2.4 million records they would take about a gigabyte).
  // Filled by push, so the columns stay packed arrays as prepareRecords' map makes them.
  const columns = comparisons.map((): unknown[] => [])
  forEachUnpacked(data.records, (record) => {
    for (let c = 0; c < comparisons.length; c++)
      (columns[c] as unknown[]).push((comparisons[c] as Comparison).prepare(record))
  })
  const prepared: PreparedRecords = { count: data.records.count, columns }
  post({ type: 'ready', seconds: (performance.now() - started) / 1000 })
  port.on('message', (job: PairScoringJob | 'stop') => {
    if (job === 'stop') {
      port.close()
      return
    }
    try {
      const jobStarted = performance.now()
      const scorer = createPairScorer(comparisons, prepared, job.model)
      const pairs = scoreClaimedChunks(scorer, job)
      post({ type: 'scored', pairs, seconds: (performance.now() - jobStarted) / 1000 })
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
    }
  })
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
}
