import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPipeline } from '../../src/pipeline/load-pipeline.js'
import { reconcile } from '../../src/reconcile/reconcile.js'
import { parseTrueDiscrepancies, scoreCases } from '../../src/reconcile/score-cases.js'
import { openStore } from '../../src/store/open-store.js'
import { loadReconcileInput } from '../../src/store/reconcile-input.repository.js'
import { runCli } from '../support/run-cli.js'

// Runs the demo month end to end into a temp store, twice: seconds each, more on a loaded machine.
const demo = path.resolve('fixtures/demo')
const pipelineFile = path.resolve('pipelines/demo.yaml')
const checks = loadPipeline(pipelineFile).checks
let dir: string
let first: ReturnType<typeof runCli>
let second: ReturnType<typeof runCli>
let firstFiles: Map<string, Buffer>
let firstCounts: Record<string, number>

const reportDir = () => path.join(dir, 'reports', '2026-10')
const caseFiles = () =>
  readdirSync(reportDir())
    .filter((f) => /^cases.*\.csv$|^summary\.json$/.test(f))
    .sort()
const readReports = () => new Map(caseFiles().map((f) => [f, readFileSync(path.join(reportDir(), f))]))

/** Rows of every data table, so a second run can be shown to add none. */
function tableCounts(): Record<string, number> {
  const db = new Database(path.join(dir, 'x.db'), { readonly: true })
  try {
    const tables = ['source_file', 'record', 'reject', 'link_run', 'link_pair', 'record_person', 'person']
    return Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]),
    )
  } finally {
    db.close()
  }
}

function csvRows(file: string): string[][] {
  const text = readFileSync(path.join(reportDir(), file), 'utf8')
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-run-'))
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10')))
    copyFileSync(path.join(demo, f), path.join(dir, f))
  writeFileSync(
    path.join(dir, 'demo.yaml'),
    readFileSync(pipelineFile, 'utf8').replaceAll("'../fixtures/demo/", "'./"),
  )
  first = runCli(dir, 'run', 'demo.yaml', '--period', '2026-10', '--db', 'x.db')
  expect(first.code, first.stderr).toBe(0)
  firstFiles = readReports()
  firstCounts = tableCounts()
  second = runCli(dir, 'run', 'demo.yaml', '--period', '2026-10', '--db', 'x.db', '--json')
  expect(second.code, second.stderr).toBe(0)
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui run', () => {
  it('reports each stage and closes with every check of the pipeline and where the reports are', () => {
    for (const stage of ['ingest', 'link', 'reconcile', 'report'])
      expect(first.stderr).toMatch(new RegExp(`✓ ${stage}\\s`))
    expect(checks).toHaveLength(8)
    for (const c of checks) expect(first.stdout).toContain(`${c.name} ${c.label}`)
    expect(first.stdout).toContain(`reports: ${path.join('reports', '2026-10')}`)
  })

  it('writes one BOM-prefixed CSV per check and one of every case, with Chinese headers, counts as summarized', () => {
    const summary = JSON.parse(second.stdout) as {
      checks: { id: string; cases: number; review: number; noCommunity: number }[]
      total: { cases: number }
    }
    expect(summary.checks.map((c) => c.id)).toEqual(checks.map((c) => c.id))
    for (const f of ['cases.csv', ...checks.map((c) => `cases-${c.id}.csv`)]) {
      const bytes = readFileSync(path.join(reportDir(), f))
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf])
      const [header] = csvRows(f)
      expect(header).toEqual(expect.arrayContaining(['案件编号', '核查类型', '社区', '原因', '记录', '概率']))
    }
    let total = 0
    for (const c of summary.checks) {
      const rows = csvRows(`cases-${c.id}.csv`).slice(1)
      expect(rows.length, c.id).toBe(c.cases)
      // The 待人工确认 and 社区 columns agree with the summary's review and no-community counts.
      expect(rows.filter((r) => r[2] === '是').length, c.id).toBe(c.review)
      expect(rows.filter((r) => r[4] === '未能定位').length, c.id).toBe(c.noCommunity)
      total += c.cases
    }
    expect(csvRows('cases.csv').length - 1).toBe(total)
    expect(summary.total.cases).toBe(total)
    expect(total).toBeGreaterThan(0)
  })

  it('masks ID numbers by default: region and last four only', () => {
    let masked = 0
    for (const f of caseFiles().filter((n) => n.endsWith('.csv'))) {
      const text = readFileSync(path.join(reportDir(), f), 'utf8')
      expect(text, f).not.toMatch(/\d{17}[\dX]/)
      masked += text.match(/\d{6}\*{8}[\dX]{4}/g)?.length ?? 0
    }
    expect(masked).toBeGreaterThan(0)
  })

  it('leaves no cell starting like a formula unescaped', () => {
    let cells = 0
    for (const f of caseFiles().filter((n) => n.endsWith('.csv'))) {
      for (const row of csvRows(f)) {
        for (const cell of row) {
          expect(cell, `${f}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/)
          cells++
        }
      }
    }
    expect(cells).toBeGreaterThan(0)
  })

  it('a second run of the month rewrites byte-identical reports and adds no rows to the store', () => {
    const again = readReports()
    expect([...again.keys()]).toEqual([...firstFiles.keys()])
    for (const [f, bytes] of again) expect(bytes.equals(firstFiles.get(f) as Buffer), f).toBe(true)
    expect(tableCounts()).toEqual(firstCounts)
    const s = JSON.parse(second.stdout) as { ingest: { filesIngested: number }; link: { replaced: boolean } }
    expect(s.ingest.filesIngested).toBe(0)
    expect(s.link.replaced).toBe(true)
  })

  it('--no-mask shows whole IDs, each the one the masked file shows masked', () => {
    const r = runCli(
      dir,
      'run',
      'demo.yaml',
      '--period',
      '2026-10',
      '--db',
      'x.db',
      '--reports',
      'open',
      '--no-mask',
      '--json',
    )
    expect(r.code, r.stderr).toBe(0)
    const open = Papa.parse<string[]>(
      readFileSync(path.join(dir, 'open', '2026-10', 'cases.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data
    const masked = csvRows('cases.csv')
    expect(open.length).toBe(masked.length)
    let whole = 0
    open.slice(1).forEach((row, i) => {
      const id = row[7] ?? ''
      const shown = masked[i + 1]?.[7] ?? ''
      if (id.length === 18) {
        whole++
        expect(shown).toBe(`${id.slice(0, 6)}********${id.slice(14)}`)
      } else expect(shown.length <= 4 || shown.includes('*') || shown === '').toBe(true)
    })
    expect(whole).toBeGreaterThan(0)
  })
})

describe('the demo’s cases against the generator’s truth', () => {
  // Floors set below the figures measured on 2026-11-23 (recall 1.000 for every type;
  // precision 0.914 信息不一致, 0.667 新婚漏管 on 3 cases, 1.000 elsewhere): a regression guard,
  // not a target (issue 5's targets are measured on unseen districts). Truth is read only here.
  it('finds each discrepancy type with recall of at least 0.98', async () => {
    const pipeline = loadPipeline(path.join(dir, 'demo.yaml'))
    const store = await openStore(path.join(dir, 'x.db'))
    try {
      const loaded = await loadReconcileInput(
        store.db,
        { pipeline: pipeline.name, county: pipeline.jurisdiction.county, period: '2026-10' },
        pipeline.sources.map((s) => ({ name: s.name, agency: s.agency, kind: s.kind })),
      )
      expect(loaded?.stale).toBe(false)
      const cases = reconcile(
        loaded?.input ?? { sources: [], records: [], person: [], pairs: [] },
        pipeline.checks,
        {
          period: '2026-10',
        },
      )
      // The run's cases.csv holds exactly these cases, in this order.
      expect(
        csvRows('cases.csv')
          .slice(1)
          .map((r) => r[0]),
      ).toEqual(cases.map((c) => c.key))
      const truth = parseTrueDiscrepancies(
        readFileSync(path.join(demo, 'truth', 'discrepancies.csv'), 'utf8'),
      )
      const score = scoreCases(cases, truth)
      expect(score.types.map((t) => t.type).sort()).toEqual(pipeline.checks.map((c) => c.id).sort())
      for (const t of score.types) {
        expect(t.recall ?? 0, t.type).toBeGreaterThanOrEqual(0.98)
        // Precision is guarded only where there are enough cases for a share to mean something.
        if (t.cases >= 10) expect(t.precision ?? 0, t.type).toBeGreaterThanOrEqual(0.9)
        // Who visits: a found discrepancy goes to the community the truth names (inflow migrants,
        // whose 居住地址 names only a flat, are placed by the register's knowledge of that flat).
        expect(t.wrongCommunity, t.type).toBeLessThanOrEqual(Math.floor(t.matched * 0.05))
      }
    } finally {
      await store.close()
    }
  })
})
