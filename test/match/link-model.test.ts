import { describe, expect, it } from 'vitest'
import { LinkModelInvalidError, LinkModelMismatchError } from '../../src/errors/link-model-errors.js'
import { createRng } from '../../src/generate/create-rng.js'
import { sexComparison } from '../../src/match/comparison-presets.js'
import {
  fellegiSunterModelOf,
  type LinkModel,
  levelCodes,
  parseLinkModel,
} from '../../src/match/link-model.js'
import { trainLinkModel } from '../../src/match/train-link-model.js'
import { twoRegistryMatching, twoRegistryMonth } from './support/two-registry-month.js'

const matching = twoRegistryMatching()

function trained(): LinkModel {
  const { records, sourceOf } = twoRegistryMonth('month-a', 150)
  return trainLinkModel(records, sourceOf, matching, {
    rng: createRng('u').next,
    uSampleSize: 20_000,
    pipeline: 'demo',
    period: '2026-09',
  })
}

/** The model as a file holds it: JSON text parsed back, nothing shared with the original. */
function throughJson(model: unknown): unknown {
  return JSON.parse(JSON.stringify(model))
}

function thrown(f: () => unknown): unknown {
  try {
    f()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('link model file', () => {
  it('reads back exactly what was saved', () => {
    const model = trained()
    expect(parseLinkModel(throughJson(model), matching, 'model.json')).toEqual(model)
    expect(model.pipeline).toBe('demo')
    expect(model.trainedPeriod).toBe('2026-09')
    expect(model.comparisons.map((c) => c.name)).toEqual(['resident_id', 'name', 'birth_date', 'sex'])
  })

  it('lists level codes by level value, else first, so m and u index them', () => {
    expect(levelCodes(sexComparison())).toEqual(['else', 'exact'])
    const name = trained().comparisons[1]
    expect(name?.levels).toEqual(['else', 'surname', 'char1', 'pinyin1', 'fold', 'pinyin', 'exact'])
    expect(name?.termFrequency).toEqual({ level: 6, minimumU: 1e-4 })
  })

  it('reports every schema problem at once, with its path', () => {
    const json = throughJson(trained()) as {
      version: number
      lambda?: number
      comparisons: { m: number[] }[]
    }
    json.version = 2
    delete json.lambda
    json.comparisons[3]?.m.push(0.5)
    const error = thrown(() => parseLinkModel(json, matching, 'model.json'))
    expect(error).toBeInstanceOf(LinkModelInvalidError)
    const invalid = error as LinkModelInvalidError
    expect(invalid.code).toBe('MATCH_MODEL_INVALID')
    expect(invalid.where?.file).toBe('model.json')
    expect(invalid.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['version', 'lambda', 'comparisons.3.m']),
    )
  })

  it('refuses a model whose comparisons are not the pipeline’s, naming both lists', () => {
    const model = trained()
    const reordered = { ...model, comparisons: [...model.comparisons].reverse() }
    const error = thrown(() => parseLinkModel(throughJson(reordered), matching, 'model.json'))
    expect(error).toBeInstanceOf(LinkModelMismatchError)
    expect((error as LinkModelMismatchError).code).toBe('MATCH_MODEL_MISMATCH')
    expect((error as Error).message).toContain('expected comparisons [resident_id, name, birth_date, sex]')
  })

  it('refuses a model whose levels of a comparison changed since training', () => {
    const model = trained()
    const changed = {
      ...model,
      comparisons: model.comparisons.map((c) => (c.name === 'sex' ? { ...c, levels: ['else', 'same'] } : c)),
    }
    const error = thrown(() => parseLinkModel(throughJson(changed), matching, 'model.json'))
    expect(error).toBeInstanceOf(LinkModelMismatchError)
    expect((error as LinkModelMismatchError).issues).toEqual([
      { path: ['comparisons', 3, 'levels'], message: 'sex: expected levels [else, exact], got [else, same]' },
    ])
  })

  it('turns into the scoring model with the term-frequency floor it was trained with', () => {
    const model = trained()
    const fs = fellegiSunterModelOf(model)
    expect(fs.lambda).toBe(model.lambda)
    expect(fs.comparisons.map((c) => c.tfLevel)).toEqual([null, 6, null, null])
    expect(fs.comparisons[1]?.tfMinimumU).toBe(1e-4)
    expect(fs.comparisons[2]?.m).toBe(model.comparisons[2]?.m)
  })
})
