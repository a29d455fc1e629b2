import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'
import type { MatchRecord } from '../../src/match/comparison.js'
import { fellegiSunterModelOf } from '../../src/match/link-model.js'
import { linkRecords } from '../../src/match/link-period.js'
import { linkRecordsInParallel } from '../../src/match/link-records-parallel.js'
import { namedComparison } from '../../src/match/named-comparison.js'
import { pairPatternKeys } from '../../src/match/pair-pattern-keys.js'
import { createPairScorer } from '../../src/match/pair-scorer.js'
import { packRecords, unpackRecords } from '../../src/match/pair-scoring-protocol.js'
import { prepareRecords } from '../../src/match/prepare-records.js'
import { trainLinkModel } from '../../src/match/train-link-model.js'
import { twoRegistryMatching, twoRegistryMonth } from './support/two-registry-month.js'

// The worker runs only from compiled JavaScript (like the ingest worker), so the two-thread
// tests load the compiled modules from dist/ (`npm test` builds it first, as the CLI tests need).
const compiled = <T>(module: string): Promise<T> =>
  import(pathToFileURL(path.resolve('dist/src/match', module)).href) as Promise<T>
type ParallelModule = typeof import('../../src/match/score-pairs-parallel.js')
type LinkParallelModule = typeof import('../../src/match/link-records-parallel.js')
type LinkPeriodModule = typeof import('../../src/match/link-period.js')

const matching = twoRegistryMatching()
const month = twoRegistryMonth('parallel', 400)
/** How many entries of two float arrays differ in any bit (a loop: toEqual on a million bytes is slow). */
function differingBits(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length)
  const x = new BigUint64Array(a.buffer, a.byteOffset, a.length)
  const y = new BigUint64Array(b.buffer, b.byteOffset, b.length)
  let differing = 0
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) differing++
  return differing
}

describe('comparePairsInParallel', () => {
  it('computes the pattern keys on two threads bit for bit as one thread does, and scores from them as from the pairs', async () => {
    const { openPairScoringWorker, comparePairsInParallel } =
      await compiled<ParallelModule>('score-pairs-parallel.js')
    const model = trainLinkModel(month.records, month.sourceOf, matching, {
      rng: createRng('u').next,
      uSampleSize: 20_000,
    })
    const comparisons = matching.comparisons.map(namedComparison)
    const prepared = prepareRecords(month.records, comparisons)
    const fsModel = fellegiSunterModelOf(model)
    // Random pairs, with repeats, so every pattern and term-frequency path comes up many times.
    const rng = createRng('pairs')
    const count = 100_000
    const left = Int32Array.from({ length: count }, () => rng.int(month.records.length))
    const right = Int32Array.from({ length: count }, () => rng.int(month.records.length))
    const expected = pairPatternKeys(comparisons, prepared, left, right)

    const worker = openPairScoringWorker(month.records, matching.comparisons)
    if (worker === null) throw new Error('the compiled module should start a worker')
    try {
      await worker.ready()
      // Small chunks, so that both threads claim some before the pairs run out.
      const both = await comparePairsInParallel(comparisons, prepared, left, right, worker, 64)
      expect(both.pairsHere + both.pairsInWorker).toBe(count)
      expect(both.pairsInWorker).toBeGreaterThan(0)
      expect(differingBits(both.keys, expected)).toBe(0)
    } finally {
      await worker.close()
    }
    // A weight from the key is the weight from the pair, bit for bit.
    const one = createPairScorer(comparisons, prepared, fsModel)
    const fromPairs = Float64Array.from(left, (i, k) => one.score(i, right[k] as number))
    const other = createPairScorer(comparisons, prepared, fsModel)
    const fromKeys = Float64Array.from(left, (i, k) => other.scoreKey(expected[k] as number, i))
    expect(differingBits(fromKeys, fromPairs)).toBe(0)
  })
})

describe('linkRecordsInParallel', () => {
  it('links as linkRecords does when the worker scores part of the pairs', async () => {
    const { linkRecordsInParallel: compiledParallel } =
      await compiled<LinkParallelModule>('link-records-parallel.js')
    const { linkRecords: compiledLink } = await compiled<LinkPeriodModule>('link-period.js')
    const options = { rng: createRng('u').next, uSampleSize: 20_000 }
    const single = compiledLink(month.records, month.sourceOf, matching, options)
    const parallel = await compiledParallel(month.records, month.sourceOf, matching, {
      ...options,
      rng: createRng('u').next,
      parallel: { minimumRecords: 0, minimumPairs: 0 },
    })
    expect(parallel.scoring.pairsHere + parallel.scoring.pairsInWorker).toBe(single.pairs.left.length)
    expect(differingBits(parallel.pairs.matchWeight, single.pairs.matchWeight)).toBe(0)
    expect(differingBits(parallel.pairs.probability, single.pairs.probability)).toBe(0)
    expect(parallel.accepted).toEqual(single.accepted)
    expect(parallel.review).toEqual(single.review)
    expect(parallel.clustering.clusterOf).toEqual(single.clustering.clusterOf)
    expect(parallel.model).toEqual(single.model)
  })

  it('stays in this thread for a small period and gives linkRecords’ result', async () => {
    const steps: string[] = []
    const parallel = await linkRecordsInParallel(month.records, month.sourceOf, matching, {
      rng: createRng('u').next,
      uSampleSize: 20_000,
      onStep: (step) => steps.push(step),
    })
    const single = linkRecords(month.records, month.sourceOf, matching, {
      rng: createRng('u').next,
      uSampleSize: 20_000,
    })
    expect(parallel.scoring.pairsInWorker).toBe(0)
    expect(parallel.scoring.pairsHere).toBe(single.pairs.left.length)
    expect(parallel.pairs.matchWeight).toEqual(single.pairs.matchWeight)
    expect(parallel.clustering.clusterOf).toEqual(single.clustering.clusterOf)
    expect(steps).toEqual(['blocking', 'comparing', 'training', 'scoring', 'clustering'])
  })
})

describe('packRecords', () => {
  const value = fc.option(fc.string({ unit: 'binary' }), { nil: null })
  const record = fc.record({ a: value, b: value }, { requiredKeys: [] })
  test.prop([fc.array(record, { maxLength: 30 })])(
    'unpacks the packed fields as they were, an absent field as null',
    (records: MatchRecord[]) => {
      const unpacked = unpackRecords(packRecords(records, ['a', 'b']))
      expect(unpacked).toEqual(records.map((r) => ({ a: r.a ?? null, b: r.b ?? null })))
    },
  )
})
