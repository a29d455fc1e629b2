import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '../../src/generate/create-rng.js'
import { type PausePoint, pausePoints } from '../../src/pipeline/test-pause.js'
import { runCli } from '../support/run-cli.js'

/*
 * `bidui run` killed with SIGKILL at every stage (BIDUI_TEST_PAUSE_AT stops it at a named
 * point, test-pause.ts) and after seeded random delays, on a small generated district. Month A
 * (two exports shortened) is in the store; the killed runs are month B (the full exports), so a
 * run has files to ingest, a linkage to replace and reports to overwrite. Before the store
 * commits, a kill must leave every table's rows and every report byte as they were; after it,
 * the next run completes the commit. Every re-run must give the case files of an uninterrupted
 * run. About a dozen bidui processes: a minute or two on a loaded 2-core machine.
 */
const cli = path.resolve('dist/src/cli/main.js')
const period = '2026-10'
let dir: string
/** The district's exports as generated (month B) and the shortened ones (month A). */
let fullExports: string
let shortExports: string
/** Store and reports after month A; report files of an uninterrupted A-then-B. */
let afterA: string
let reference: Map<string, string>
/** Wall seconds of an uninterrupted run of B, for the random delays. */
let runSeconds: number

const storeFile = () => path.join(dir, 'store.db')
const reportsDir = () => path.join(dir, 'reports')
const exportsDir = () => path.join(dir, 'fixtures', 'demo')

function runToEnd(): void {
  const r = runCli(
    dir,
    'run',
    'pipelines/demo.yaml',
    '--period',
    period,
    '--db',
    'store.db',
    '--reports',
    'reports',
  )
  expect(r.stderr).not.toMatch(/Error|error/)
  expect(r.code).toBe(0)
}

/** Every table's rows (sqlite_sequence included), ordered by every column, as one string. */
function dumpStore(): string {
  const db = new Database(storeFile())
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
      name: string
    }[]
    return JSON.stringify(
      tables.map(({ name }) => {
        const n = (db.prepare(`select count(*) n from pragma_table_info(?)`).get(name) as { n: number }).n
        const order = Array.from({ length: n }, (_, i) => i + 1).join(', ')
        return [name, db.prepare(`select * from "${name}" order by ${order}`).raw().all()]
      }),
      (_k, v) => (typeof v === 'bigint' ? v.toString() : v),
    )
  } finally {
    db.close()
  }
}

function countRuns(command: string): number {
  const db = new Database(storeFile(), { readonly: true })
  try {
    return (
      db.prepare("select count(*) n from run where command = ? and status = 'succeeded'").get(command) as {
        n: number
      }
    ).n
  } finally {
    db.close()
  }
}

/** SHA-256 of every file under `root` by relative path; the staging folder of unfinished commits aside. */
function readTree(root: string, skipStaging = true): Map<string, string> {
  const out = new Map<string, string>()
  if (!existsSync(root)) return out
  const walk = (sub: string) => {
    for (const e of readdirSync(path.join(root, sub), { withFileTypes: true })) {
      const rel = path.join(sub, e.name)
      if (skipStaging && rel === '.bidui-staging') continue
      if (e.isDirectory()) walk(rel)
      else
        out.set(
          rel,
          createHash('sha256')
            .update(readFileSync(path.join(root, rel)))
            .digest('hex'),
        )
    }
  }
  walk('')
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)))
}

function saveState(to: string): void {
  rmSync(to, { recursive: true, force: true })
  mkdirSync(to, { recursive: true })
  copyFileSync(storeFile(), path.join(to, 'store.db'))
  cpSync(reportsDir(), path.join(to, 'reports'), { recursive: true })
}

function restoreState(from: string): void {
  for (const f of [storeFile(), `${storeFile()}-wal`, `${storeFile()}-shm`]) rmSync(f, { force: true })
  rmSync(reportsDir(), { recursive: true, force: true })
  copyFileSync(path.join(from, 'store.db'), storeFile())
  cpSync(path.join(from, 'reports'), reportsDir(), { recursive: true })
}

function useExports(from: string): void {
  for (const f of readdirSync(from)) copyFileSync(path.join(from, f), path.join(exportsDir(), f))
}

/** Drops the last `n` lines of a CSV export (bytes, so GBK stays GBK: 0x0A is never a GBK trail byte). */
function shorten(file: string, n: number): void {
  const bytes = readFileSync(file)
  let end = bytes.length - 1
  for (let k = 0; k <= n && end > 0; end--) if (bytes[end] === 0x0a) k++
  writeFileSync(file, bytes.subarray(0, end + 2))
}

/**
 * Starts `bidui run` and SIGKILLs it when it reports pausing at `point`, or after `delayMs`.
 * Resolves with whether the kill happened (a run that finished first was not killed).
 */
function runAndKill(stop: { point: PausePoint } | { delayMs: number }): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', BIDUI_TEST_PAUSE_AT: 'point' in stop ? stop.point : '' }
    const child: ChildProcess = spawn(
      process.execPath,
      [cli, 'run', 'pipelines/demo.yaml', '--period', period, '--db', 'store.db', '--reports', 'reports'],
      { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    let killed = false
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL')
    }
    const guard = setTimeout(kill, 120_000)
    const timer = 'delayMs' in stop ? setTimeout(kill, stop.delayMs) : undefined
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString()
      if ('point' in stop && stderr.includes(`BIDUI_PAUSED ${stop.point}\n`)) kill()
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (timer) clearTimeout(timer)
      if ('point' in stop && !killed)
        reject(new Error(`run never paused at ${stop.point} (exit ${code} ${signal}): ${stderr}`))
      else if (!killed && code !== 0) reject(new Error(`run failed (exit ${code}): ${stderr}`))
      else resolve({ killed })
    })
  })
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-integrity-'))
  mkdirSync(path.join(dir, 'pipelines'))
  copyFileSync(path.resolve('pipelines/demo.yaml'), path.join(dir, 'pipelines', 'demo.yaml'))
  const gen = runCli(
    dir,
    ...['generate', '--persons', '300', '--seed', '4242', '--period', period, '--profile', 'normal'],
    ...['--event-months', '12', '--out', 'fixtures/demo'],
  )
  expect(gen.code).toBe(0)
  rmSync(path.join(exportsDir(), 'truth'), { recursive: true, force: true })
  fullExports = path.join(dir, 'exports-b')
  shortExports = path.join(dir, 'exports-a')
  cpSync(exportsDir(), fullExports, { recursive: true })
  cpSync(exportsDir(), shortExports, { recursive: true })
  shorten(path.join(shortExports, `register-persons-${period}.csv`), 12)
  shorten(path.join(shortExports, `police-snapshot-${period}.csv`), 8)

  useExports(shortExports)
  runToEnd()
  afterA = path.join(dir, 'state-a')
  saveState(afterA)
  useExports(fullExports)
  const t0 = performance.now()
  runToEnd()
  runSeconds = (performance.now() - t0) / 1000
  reference = readTree(path.join(reportsDir(), period))
  expect([...reference.keys()]).toContain('cases.csv')
  restoreState(afterA)
}, 180_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('bidui run killed with SIGKILL', () => {
  const beforeCommit = pausePoints.slice(0, pausePoints.indexOf('store-committed'))

  it('leaves the store and the reports as they were when killed before the store commits, at every stage', async () => {
    // Chained on one store: each kill starts from what the previous left (staging folders included).
    for (const point of beforeCommit) {
      const store = dumpStore()
      const reports = readTree(reportsDir())
      expect((await runAndKill({ point })).killed).toBe(true)
      expect({ point, store: dumpStore() }).toEqual({ point, store })
      expect({ point, reports: readTree(reportsDir()) }).toEqual({ point, reports })
    }
    // The next run completes normally, clears what the killed runs staged, and gives the
    // uninterrupted run's reports.
    runToEnd()
    expect(readTree(path.join(reportsDir(), period))).toEqual(reference)
    expect(existsSync(path.join(reportsDir(), '.bidui-staging'))).toBe(false)
  }, 240_000)

  it('completes the report commit on the next run when killed after the store committed', async () => {
    for (const point of ['store-committed', 'report-commit'] as const) {
      restoreState(afterA)
      const runsBefore = countRuns('run')
      expect((await runAndKill({ point })).killed).toBe(true)
      // The store has the run (its token decides the reports); the reports move on the next run.
      expect(countRuns('run')).toBe(runsBefore + 1)
      if (point === 'store-committed')
        expect(readTree(path.join(reportsDir(), period))).toEqual(
          readTree(path.join(afterA, 'reports', period)),
        )
      runToEnd()
      expect({ point, reports: readTree(path.join(reportsDir(), period)) }).toEqual({
        point,
        reports: reference,
      })
      expect(existsSync(path.join(reportsDir(), '.bidui-staging'))).toBe(false)
    }
  }, 240_000)

  it('is all or nothing when killed after random delays (seeded)', async () => {
    const rng = createRng('run-integrity')
    for (let i = 0; i < 3; i++) {
      restoreState(afterA)
      const store = dumpStore()
      const reports = readTree(reportsDir())
      const runsBefore = countRuns('run')
      const delayMs = Math.round((0.15 + 0.85 * rng.next()) * runSeconds * 1000)
      const { killed } = await runAndKill({ delayMs })
      const committed = dumpStore() !== store
      if (!committed) {
        // Killed before the commit: nothing of the run is visible.
        expect({ delayMs, reports: readTree(reportsDir()) }).toEqual({ delayMs, reports })
      } else {
        // Committed (killed while moving reports, or it finished first): the next run completes it.
        expect(countRuns('run')).toBe(runsBefore + 1)
      }
      runToEnd()
      expect({ delayMs, killed, reports: readTree(path.join(reportsDir(), period)) }).toEqual({
        delayMs,
        killed,
        reports: reference,
      })
    }
  }, 240_000)
})
