import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

// Public data sets nobody here wrote, kept beside the project (CI clones it next to shared/),
// never copied into it. Each pipeline file names its data relative to itself.
const data = path.resolve('pipelines', '../../shared/data')
const febrl = path.join(data, 'febrl', 'dataset4a.csv')
const fake1000 = path.join(data, 'splink_fake_1000', 'fake_1000.csv')
const skipped = (file: string) => (existsSync(file) ? '' : ` (skipped: ${file} not found)`)

for (const file of [febrl, fake1000]) {
  if (!existsSync(file)) process.stderr.write(`public-data.test.ts: ${file} not found: its test is skipped\n`)
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-public-data-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Ingests a pipeline's data into a fresh store and evaluates it against its truth attribute. */
function evaluate(pipeline: string, db: string) {
  const file = path.resolve('pipelines', pipeline)
  const ingest = runCli(dir, 'ingest', file, '--period', '2000-01', '--db', db)
  expect(ingest.code, ingest.stderr).toBe(0)
  const r = runCli(dir, 'evaluate', file, '--period', '2000-01', '--db', db, '--json')
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe.skipIf(!existsSync(febrl))(`FEBRL 4, 4A ↔ 4B linked${skipped(febrl)}`, () => {
  it('finds the 5,000 true links with pair F1 ≥ 0.999, learning without the truth', () => {
    const out = evaluate('febrl4.yaml', 'febrl.db')
    expect(out.records).toBe(10_000)
    expect(out.linkType).toBe('link')
    expect(out.truth).toMatchObject({ from: 'attribute rec_id', inScope: 5000 })
    const bidui = out.methods.find((m: { method: string }) => m.method === 'bidui')
    expect(bidui.all.f1).toBeGreaterThanOrEqual(0.999)
    expect(out.sourcePairs.map((s: { sources: string[] }) => s.sources)).toEqual([['febrl-4a', 'febrl-4b']])
    expect(out.clusterScores.trueGroups).toBe(5000)
    // The truth attribute is never compared.
    expect(out.em.comparisons).not.toContain('rec_id')
  }, 120_000)
})

describe.skipIf(!existsSync(fake1000))(`Splink fake_1000 deduplicated${skipped(fake1000)}`, () => {
  it('reaches pair F1 ≥ 0.90 after clustering (Splink: 0.876)', () => {
    const out = evaluate('fake1000.yaml', 'fake1000.db')
    expect(out.records).toBe(1000)
    const bidui = out.methods.find((m: { method: string }) => m.method === 'bidui')
    expect(bidui.all.truePairs).toBe(out.truth.inScope)
    expect(bidui.all.f1).toBeGreaterThanOrEqual(0.9)
    expect(out.em.comparisons).not.toContain('cluster')
  }, 120_000)
})
