import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseLinkModel } from '../../src/match/link-model.js'
import { loadPipeline } from '../../src/pipeline/load-pipeline.js'
import { queryStore } from '../support/query-store.js'
import { runCli } from '../support/run-cli.js'

// Each test spawns the CLI on the demo month: seconds each, more on a loaded machine.
const pipeline = path.resolve('pipelines/demo.yaml')
let dir: string

function bidui(...args: string[]) {
  return runCli(dir, ...args)
}

/** The stored pairs of the month, in a stable order. */
function storedPairs(): unknown[] {
  return queryStore(
    path.join(dir, 'x.db'),
    'select left_record_id, right_record_id, band, match_weight, probability, levels from link_pair order by 1, 2',
  )
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-train-'))
  const r = bidui('ingest', pipeline, '--period', '2026-10', '--db', 'x.db', '--json')
  expect(r.code, r.stderr).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui train', () => {
  it('writes a model of the pipeline’s comparisons, trained on the month', () => {
    const r = bidui('train', pipeline, '--period', '2026-10', '--db', 'x.db', '--out', 'models/demo.json')
    expect(r.stderr).toBe('')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('trained on 2026-10')
    expect(r.stdout).toContain('model written to models/demo.json')
    const matching = loadPipeline(pipeline).matching
    if (matching === null) throw new Error('the demo pipeline has a matching section')
    const json = JSON.parse(readFileSync(path.join(dir, 'models/demo.json'), 'utf8'))
    const model = parseLinkModel(json, matching, 'models/demo.json')
    expect(model).toMatchObject({ pipeline: 'demo', trainedPeriod: '2026-10' })
    expect(model.comparisons.map((c) => c.name)).toEqual([
      'resident_id',
      'name',
      'birth_date',
      'sex',
      'home_address',
    ])
  })

  it('gives the model bidui link trains: linking with it stores the same pairs', () => {
    const trained = bidui('link', pipeline, '--period', '2026-10', '--db', 'x.db', '--json')
    expect(trained.code, trained.stderr).toBe(0)
    expect(JSON.parse(trained.stdout).modelSource).toBe('trained')
    const pairs = storedPairs()
    expect(pairs.length).toBeGreaterThan(0)
    const given = bidui(
      'link',
      pipeline,
      '--period',
      '2026-10',
      '--db',
      'x.db',
      '--model',
      'models/demo.json',
      '--json',
    )
    expect(given.code, given.stderr).toBe(0)
    expect(JSON.parse(given.stdout).modelSource).toBe('given')
    expect(storedPairs()).toEqual(pairs)
  })

  it('refuses a model file that does not exist or is not a model', () => {
    const missing = bidui('link', pipeline, '--period', '2026-10', '--db', 'x.db', '--model', 'none.json')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('LINK_MODEL_NOT_FOUND')
    writeFileSync(path.join(dir, 'bad.json'), '{"version": 1')
    const bad = bidui('link', pipeline, '--period', '2026-10', '--db', 'x.db', '--model', 'bad.json')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('MATCH_MODEL_INVALID')
    expect(bad.stderr).toContain('not JSON')
  })
})
