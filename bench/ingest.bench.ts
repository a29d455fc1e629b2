/**
 * Ingest benchmark (issue 2): 1,000,000 person rows from CSV, end to end (read, decode,
 * normalize incl. pinyin, store), on data from the project's own generator.
 * Target: ≥ 150,000 rows/s and peak RSS ≤ 1 GB on 2 cores.
 *
 *   npm run build && node dist/bench/ingest.bench.js [--persons 1000000] [--source police-snapshot] [--keep]
 *
 * The generated district is cached under bench/out/ (git-ignored) so repeated runs measure
 * ingest only. The store is a fresh SQLite file each run. Ingest runs in a child process so
 * its peak RSS excludes the generator's.
 */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Month } from '../src/domain/month.js'
import { ingestPeriod } from '../src/ingest/ingest-period.js'
import { loadPipeline } from '../src/pipeline/load-pipeline.js'
import type { Pipeline } from '../src/pipeline/pipeline.js'
import { openStore } from '../src/store/open-store.js'
import { demoPipelineFile, districtDir, ensureDistrict, repoRoot } from './bench-district.js'

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    source: { type: 'string', default: 'police-snapshot' },
    child: { type: 'boolean', default: false },
    'single-thread': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})
const persons = Number(values.persons)
const period = '2026-10' as Month
const _root = repoRoot
const dataDir = districtDir(persons)
const demoPipeline = demoPipelineFile

/** The demo pipeline's mapping for one source, pointed at the generated files. */
function benchPipeline(): Pipeline {
  const demo = loadPipeline(demoPipeline)
  const source = demo.sources.find((s) => s.name === values.source)
  if (!source) throw new Error(`no source ${values.source} in ${demoPipeline}`)
  const files = source.files.map((f) => path.join(dataDir, path.basename(f)))
  return { ...demo, sources: [{ ...source, files }] }
}

if (values.child) {
  const dbFile = path.join(dataDir, 'bench.db')
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true })
  const store = await openStore(dbFile)
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const summary = await ingestPeriod(store, benchPipeline(), { period, parallel: !values['single-thread'] })
  const seconds = (performance.now() - started) / 1000
  // CPU of every thread of this process: on a shared machine wall time varies with other
  // people's load, CPU per row much less so.
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  await store.close()
  const rows = summary.files.reduce((n, f) => n + f.rowsRead, 0)
  const records = summary.files.reduce((n, f) => n + f.recordsStored, 0)
  const rejected = summary.files.reduce((n, f) => n + f.rowsRejected, 0)
  process.stdout.write(
    `${JSON.stringify({ rows, records, rejected, seconds, rowsPerSecond: Math.round(rows / seconds), cpuSeconds, cpuMicrosPerRow: (cpuSeconds * 1e6) / rows, loadAverage: os.loadavg()[0], peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  )
  if (!values.keep) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true })
} else {
  await ensureDistrict(persons, period)
  const self = fileURLToPath(import.meta.url)
  const args = [self, '--child', '--persons', String(persons), '--source', String(values.source)]
  if (values['single-thread']) args.push('--single-thread')
  if (values.keep) args.push('--keep')
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const r = JSON.parse(out) as Record<string, number>
  process.stdout.write(
    `ingest ${values.source}: ${r.rows} rows (${r.records} records, ${r.rejected} rejected) in ${r.seconds?.toFixed(2)} s = ${r.rowsPerSecond} rows/s, peak RSS ${r.peakRssMB} MB; CPU ${r.cpuSeconds?.toFixed(2)} s (all threads) = ${r.cpuMicrosPerRow?.toFixed(1)} µs/row; 1-min load average at the end ${r.loadAverage?.toFixed(2)}\n`,
  )
}
