import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'
import { parseLinkModel } from '../../src/match/link-model.js'
import { linkRecords } from '../../src/match/link-period.js'
import { predictLinks } from '../../src/match/predict-links.js'
import { trainLinkModel } from '../../src/match/train-link-model.js'
import { matchRecordOf } from './support/match-record-of.js'
import { twoRegistryMatching, twoRegistryMonth } from './support/two-registry-month.js'

const matching = twoRegistryMatching()
const monthA = twoRegistryMonth('month-a', 150)
const monthB = twoRegistryMonth('month-b', 120)
const train = () =>
  trainLinkModel(monthA.records, monthA.sourceOf, matching, { rng: createRng('u').next, uSampleSize: 20_000 })

describe('predictLinks', () => {
  it('scores next month with a saved model exactly as with the model in memory', () => {
    const model = train()
    const saved = parseLinkModel(JSON.parse(JSON.stringify(model)), matching, 'model.json')
    const fromMemory = predictLinks(monthB.records, monthB.sourceOf, matching, model)
    const fromFile = predictLinks(monthB.records, monthB.sourceOf, matching, saved)
    expect(fromFile.pairs.matchWeight).toEqual(fromMemory.pairs.matchWeight)
    expect(fromFile.accepted).toEqual(fromMemory.accepted)
    expect(fromFile.clustering.clusterOf).toEqual(fromMemory.clustering.clusterOf)
    // A model learned on month A finds month B's people: each person's two records in one cluster.
    const together = monthB.records.filter(
      (_, i) => i % 2 === 0 && fromFile.clustering.clusterOf[i] === fromFile.clustering.clusterOf[i + 1],
    ).length
    expect(together / (monthB.records.length / 2)).toBeGreaterThan(0.9)
  })

  it('gives linkRecords with a model the same result as predictLinks, without training', () => {
    const model = train()
    const linked = linkRecords(monthB.records, monthB.sourceOf, matching, {
      rng: () => {
        throw new Error('no training, so no u sampling')
      },
      model,
    })
    const predicted = predictLinks(monthB.records, monthB.sourceOf, matching, model)
    expect(linked.pairs.probability).toEqual(predicted.pairs.probability)
    expect(linked.review).toEqual(predicted.review)
    expect(linked.model).toBe(model)
    expect(linked.parameters.lambda).toBe(model.lambda)
  })

  it('trains and predicts in one call as linkRecords does', () => {
    const rngSeed = 'u'
    const linked = linkRecords(monthA.records, monthA.sourceOf, matching, {
      rng: createRng(rngSeed).next,
      uSampleSize: 20_000,
    })
    const model = train()
    expect(linked.model).toEqual(model)
    expect(linked.pairs.matchWeight).toEqual(
      predictLinks(monthA.records, monthA.sourceOf, matching, model).pairs.matchWeight,
    )
  })

  it('keeps two people born the same day apart when their valid IDs differ, even with similar names', () => {
    // 许峰 and 罗峰: one character apart, same day, same sex, both IDs valid (DOMAIN: same-day
    // neighbours in one county). The model learned from month A that a match almost never has a
    // different valid ID, so that outweighs the birth date.
    const strangers = [
      matchRecordOf({ id: '410105198506173233', name: '许峰', sex: 'male', birth: '1985-06-17' }),
      matchRecordOf({ id: '410105198506173372', name: '罗峰', sex: 'male', birth: '1985-06-17' }),
    ]
    expect(strangers.map((r) => r.id_status)).toEqual(['valid', 'valid'])
    const records = [...monthB.records, ...strangers]
    const sourceOf = [...monthB.sourceOf, 0, 1]
    const result = predictLinks(records, sourceOf, matching, train())
    const [a, b] = [records.length - 2, records.length - 1]
    let k = 0
    while (k < result.pairs.left.length && !(result.pairs.left[k] === a && result.pairs.right[k] === b)) k++
    expect(k).toBeLessThan(result.pairs.left.length)
    expect(result.pairs.probability[k]).toBeLessThan(matching.thresholds.review)
  })

  it('refuses a model that does not fit the comparisons', () => {
    const model = train()
    const short = { ...model, comparisons: model.comparisons.slice(0, 3) }
    expect(() => predictLinks(monthB.records, monthB.sourceOf, matching, short)).toThrow(RangeError)
  })
})
