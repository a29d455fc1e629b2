import { probabilityFromMatchWeight } from './fellegi-sunter.js'
import type { PairScorer } from './pair-scorer.js'

/** The shared arrays of one scoring job (pair-scoring-protocol.ts PairScoringJob). */
export interface SharedPairs {
  readonly count: number
  readonly chunk: number
  readonly left: SharedArrayBuffer
  readonly right: SharedArrayBuffer
  readonly matchWeight: SharedArrayBuffer
  readonly probability: SharedArrayBuffer
  readonly next: SharedArrayBuffer
}

/**
 * Scores chunks of pairs claimed from the job's shared counter until none are left, writing each
 * pair's match weight and probability at its own index; returns how many pairs this thread
 * scored. Each index is claimed by exactly one thread, so the writes never overlap.
 */
export function scoreClaimedChunks(scorer: PairScorer, job: SharedPairs): number {
  const left = new Int32Array(job.left)
  const right = new Int32Array(job.right)
  const matchWeight = new Float64Array(job.matchWeight)
  const probability = new Float64Array(job.probability)
  const next = new Int32Array(job.next)
  let scored = 0
  for (;;) {
    const start = Atomics.add(next, 0, job.chunk)
    if (start >= job.count) return scored
    const end = Math.min(start + job.chunk, job.count)
    for (let k = start; k < end; k++) {
      const w = scorer.score(left[k] as number, right[k] as number)
      matchWeight[k] = w
      probability[k] = probabilityFromMatchWeight(w)
    }
    scored += end - start
  }
}
