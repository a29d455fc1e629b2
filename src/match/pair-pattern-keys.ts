import type { Comparison } from './comparison.js'
import { comparisonVector } from './comparison-vector.js'
import { patternKey } from './pattern-key.js'
import type { PreparedRecords } from './prepare-records.js'

/**
 * The pattern key (patternKey of the comparison vector) of every pair (left[k], right[k]): the
 * one pass over the pairs that runs the comparators. Training counts patterns from these keys
 * and scoring looks each key's weight up, so no pair is compared twice.
 */
export function pairPatternKeys(
  comparisons: readonly Comparison[],
  prepared: PreparedRecords,
  left: Int32Array,
  right: Int32Array,
): Float64Array {
  const keys = new Float64Array(left.length)
  patternKeysInto(comparisons, prepared, left, right, keys, 0, left.length)
  return keys
}

/** Writes the pattern keys of pairs [from, to) into keys[from, to). */
export function patternKeysInto(
  comparisons: readonly Comparison[],
  prepared: PreparedRecords,
  left: Int32Array,
  right: Int32Array,
  keys: Float64Array,
  from: number,
  to: number,
): void {
  const vector = new Int8Array(comparisons.length)
  for (let k = from; k < to; k++) {
    comparisonVector(comparisons, prepared, left[k] as number, right[k] as number, vector)
    keys[k] = patternKey(vector)
  }
}

/** The shared arrays of one comparing job (pair-scoring-protocol.ts PairComparingJob). */
export interface SharedPairs {
  readonly count: number
  readonly chunk: number
  readonly left: SharedArrayBuffer
  readonly right: SharedArrayBuffer
  /** Float64Array of `count` pattern keys, written by whichever thread claims a pair's chunk. */
  readonly keys: SharedArrayBuffer
  /** Int32Array [next pair to claim]. */
  readonly next: SharedArrayBuffer
}

/**
 * Computes the pattern keys of chunks of pairs claimed from the job's shared counter until none
 * are left, each at its own index; returns how many pairs this thread compared. Each index is
 * claimed by exactly one thread, so the writes never overlap, and a key depends only on the
 * pair, so the array is the one a single thread would fill.
 */
export function patternKeysOfClaimedChunks(
  comparisons: readonly Comparison[],
  prepared: PreparedRecords,
  job: SharedPairs,
): number {
  const left = new Int32Array(job.left)
  const right = new Int32Array(job.right)
  const keys = new Float64Array(job.keys)
  const next = new Int32Array(job.next)
  let compared = 0
  for (;;) {
    const start = Atomics.add(next, 0, job.chunk)
    if (start >= job.count) return compared
    const end = Math.min(start + job.chunk, job.count)
    patternKeysInto(comparisons, prepared, left, right, keys, start, end)
    compared += end - start
  }
}
