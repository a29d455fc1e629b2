import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveHandler } from '../../src/serve/serve-handler.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import type { StoredLinkModel } from '../../src/store/tables/link-run.table.js'
import { queryStore } from '../support/query-store.js'
import { runCli } from '../support/run-cli.js'

// The demo month run by the CLI, its store served in-process: every case's evidence comes from
// the tracking step, and a linked pair's waterfall is checked against the model and weight the
// linkage stored (link_run.model, link_pair.match_weight), which the case view never reads.
const token = 'evidence-token'
let dir: string
let store: Store
let server: Server
let base = ''
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test, read field by field
type Json = any
const get = async (p: string) => fetch(base + p, { headers: { 'X-Bidui-Token': token } })
const db = () => path.join(dir, 'x.db')

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-evidence-'))
  const demo = path.resolve('fixtures/demo')
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10')))
    copyFileSync(path.join(demo, f), path.join(dir, f))
  writeFileSync(
    path.join(dir, 'demo.yaml'),
    readFileSync(path.resolve('pipelines/demo.yaml'), 'utf8').replaceAll("'../fixtures/demo/", "'./"),
  )
  const r = runCli(dir, 'run', 'demo.yaml', '--period', '2026-10', '--db', 'x.db')
  expect(r.code, r.stderr).toBe(0)
  store = await openStore(db())
  server = createServer(serveHandler({ db: store.db, token, store: 'x.db' }))
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 300_000)

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()))
  await store?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Every stored pair with its records' `file:line:role` refs, as the cases name records. */
function storedPairs() {
  const rows = queryStore<{ a: string; b: string; match_weight: number; levels: string }>(
    db(),
    `select fa.path || ':' || ra.line || ':' || ra.role as a, fb.path || ':' || rb.line || ':' || rb.role as b,
            lp.match_weight, lp.levels
       from link_pair lp
       join record ra on ra.id = lp.left_record_id join source_file fa on fa.id = ra.file_id
       join record rb on rb.id = lp.right_record_id join source_file fb on fb.id = rb.file_id`,
  )
  const ref = (full: string) => {
    const [file, line, role] = full.split(':').slice(-3) as [string, string, string]
    return `${path.basename(file)}:${line}:${role}`
  }
  return rows.map((r) => ({ ...r, a: ref(r.a), b: ref(r.b) }))
}

describe('case evidence in bidui serve', () => {
  it('stores every detected case with its records, and a scored case with its waterfall', () => {
    const [n] = queryStore<{ all: number; with: number; scored: number }>(
      db(),
      `select count(*) as "all", sum(evidence_detail is not null) as "with",
              sum(json_extract(evidence_detail, '$.match') is not null) as scored
         from case_period where period = '2026-10' and status != 'closed'`,
    )
    expect(n?.all).toBeGreaterThan(0)
    expect(n?.with).toBe(n?.all)
    expect(n?.scored).toBeGreaterThan(0)
  })

  it('returns records (IDs masked) and contributions that add up to the stored match weight', async () => {
    const [run] = queryStore<{ model: string }>(db(), "select model from link_run where period = '2026-10'")
    const model = (JSON.parse(run?.model as string) as StoredLinkModel).linkModel
    const pairs = storedPairs()
    const keys = queryStore<{ case_key: string }>(
      db(),
      `select case_key from case_period where period = '2026-10'
          and json_extract(evidence_detail, '$.match') is not null order by seq`,
    ).map((r) => r.case_key)
    let checked = 0
    let modelOnly = 0
    for (const key of keys) {
      const c: Json = await (await get(`/api/case?period=2026-10&key=${encodeURIComponent(key)}`)).json()
      const e = c.evidence
      expect(e.records.length).toBeGreaterThanOrEqual(1)
      for (const r of e.records)
        if (r.fields.residentId !== null) expect(r.fields.residentId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
      // The pair the case rests on: two of its records whose stored levels are the case's.
      const refs = new Set(e.records.map((r: Json) => r.ref))
      const levels = e.match.contributions.map((x: Json) => x.level).join(',')
      const pair = pairs.find((p) => refs.has(p.a) && refs.has(p.b) && p.levels === levels)
      expect(pair, key).toBeDefined()
      // Expected steps from the stored model alone: log2(m/u) at each level, prior log2(λ/(1−λ)).
      const expected = model.comparisons.map((mc, i) => {
        const l = Number(levels.split(',')[i])
        return l === -1 ? 0 : Math.log2((mc.m[l] as number) / (mc.u[l] as number))
      })
      expect(e.match.contributions.map((x: Json) => x.weight)).toEqual(
        expected.map((w) => expect.closeTo(w, 9)),
      )
      const prior = Math.log2(model.lambda / (1 - model.lambda))
      const sum =
        e.match.contributions.reduce((s: number, x: Json) => s + x.weight, prior) +
        e.match.termFrequencyWeight
      expect(sum).toBeCloseTo(pair?.match_weight as number, 6)
      // Only a comparison on its term-frequency level may move the weight off the model's sum.
      const onTfLevel = model.comparisons.some(
        (mc, i) => mc.termFrequency !== null && mc.termFrequency.level === Number(levels.split(',')[i]),
      )
      if (!onTfLevel) {
        expect(e.match.termFrequencyWeight).toBe(0)
        modelOnly++
      }
      expect(e.probability).toBeGreaterThan(0)
      checked++
    }
    expect(checked).toBe(keys.length)
    // Pairs on no term-frequency level: their stored weight is checked against the model alone.
    expect(modelOnly).toBeGreaterThan(10)
  }, 120_000)

  it('blind mode sends no probability and no waterfall, but the records', async () => {
    const [row] = queryStore<{ case_key: string }>(
      db(),
      `select case_key from case_period where period = '2026-10'
          and json_extract(evidence_detail, '$.match') is not null order by seq limit 1`,
    )
    const q = `period=2026-10&key=${encodeURIComponent(row?.case_key as string)}`
    const open: Json = await (await get(`/api/case?${q}`)).json()
    const blind: Json = await (await get(`/api/case?${q}&blind=1`)).json()
    expect(open.evidence.match).not.toBeNull()
    expect(blind.evidence.probability).toBeNull()
    expect(blind.evidence.match).toBeNull()
    expect(JSON.stringify(blind)).not.toContain(String(open.evidence.probability))
    expect(blind.evidence.records).toEqual(open.evidence.records)
    const svg = await get(`/api/waterfall.svg?${q}`)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toContain('image/svg+xml')
    const text = await svg.text()
    expect(text).toContain('<svg')
    for (const x of open.evidence.match.contributions) expect(text).toContain(x.comparison)
    expect((await get(`/api/waterfall.svg?${q}&blind=1`)).status).toBe(404)
  })
})
