import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const pipeline = path.resolve('pipelines/demo.yaml')
const demo = path.resolve('fixtures/demo')
let dir: string

function bidui(...args: string[]) {
  return runCli(dir, ...args)
}

// One ingest of the checked-in demo month serves every test: it takes seconds.
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-evaluate-'))
  const r = bidui('ingest', pipeline, '--period', '2026-10', '--db', 'x.db')
  expect(r.code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui evaluate', () => {
  it('scores the demo month against its truth, above the exact-ID baseline', () => {
    const r = bidui(
      'evaluate',
      pipeline,
      '--period',
      '2026-10',
      '--truth',
      demo,
      '--db',
      'x.db',
      '--json',
      '--out',
      'eval.json',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(JSON.parse(readFileSync(path.join(dir, 'eval.json'), 'utf8'))).toEqual(out)
    expect(out).toMatchObject({ pipeline: 'demo', period: '2026-10' })
    expect(out.records).toBeGreaterThan(0)
    expect(out.candidatePairs).toBeGreaterThanOrEqual(out.accepted)
    expect(out.truth.inScope + out.truth.outOfScope).toBe(out.truth.pairs)
    expect(out.truth.inScope).toBeGreaterThan(0)
    expect(out.em.iterations).toBeGreaterThan(0)
    expect(typeof out.em.converged).toBe('boolean')
    expect(out.em.comparisons).toEqual(['resident_id', 'name', 'birth_date', 'sex', 'home_address'])
    expect(out.methods.map((m: { method: string }) => m.method)).toEqual(['bidui', 'bidui links', 'exact ID'])
    const [ours, , baseline] = out.methods
    for (const m of out.methods) {
      for (const part of [m.all, m.idsDifferOrMissing]) {
        expect(Object.keys(part).sort()).toEqual(
          ['f1', 'precision', 'predicted', 'recall', 'truePairs', 'truePositives'].sort(),
        )
      }
      expect(m.all.truePairs).toBe(out.truth.inScope)
    }
    expect(ours.all.recall).toBeGreaterThan(baseline.all.recall)
    expect(ours.idsDifferOrMissing.recall).toBeGreaterThan(baseline.idsDifferOrMissing.recall)
    // By definition the baseline finds no pair whose records lack a shared valid ID.
    expect(baseline.idsDifferOrMissing.truePositives).toBe(0)
  }, 120_000)

  it('scores exactly the linkage bidui link stores for the month (one seed, one model)', () => {
    const link = bidui('link', pipeline, '--period', '2026-10', '--db', 'x.db', '--json')
    expect(link.code, link.stderr).toBe(0)
    const evaluated = bidui(
      'evaluate',
      pipeline,
      '--period',
      '2026-10',
      '--truth',
      demo,
      '--db',
      'x.db',
      '--json',
    )
    expect(evaluated.code, evaluated.stderr).toBe(0)
    const linked = JSON.parse(link.stdout)
    const out = JSON.parse(evaluated.stdout)
    expect(out.accepted).toBe(linked.accepted)
    expect(out.review).toBe(linked.review)
    expect(out.candidatePairs).toBe(linked.candidatePairs)
    // The same random pairs for u, so the same model to the last bit.
    expect(out.em.lambda).toBe(linked.model.lambda)
    expect(out.em.u).toEqual(linked.model.u)
    expect(out.em.m).toEqual(linked.model.m)
  })

  it('prints the comparison table', () => {
    const r = bidui('evaluate', pipeline, '--period', '2026-10', '--truth', demo, '--db', 'x.db')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/pairs in scope, [\d,]+ of [\d,]+ out of scope/)
    expect(r.stdout).toMatch(/EM: \d+ iterations/)
    expect(r.stdout).toMatch(/│ bidui\s+│/)
    expect(r.stdout).toMatch(/│ exact ID\s+│ [\d,]+\s+│/)
  }, 120_000)

  it('exits 2 when given no truth at all', () => {
    const r = bidui('evaluate', pipeline, '--period', '2026-10', '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('EVALUATE_NO_TRUTH')
  })

  it('exits 2 when the truth directory has no truth files', () => {
    const r = bidui('evaluate', pipeline, '--period', '2026-10', '--truth', dir, '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('pairs.csv')
  })
})
