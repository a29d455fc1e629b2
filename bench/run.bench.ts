/**
 * Monthly run benchmark (issue 5): `bidui run` end to end (ingest → link → reconcile → report)
 * on a generated 100,000-person district, fresh store. Target: ≤ 20 s on 2 cores.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/run.bench.js [--persons 100000] [--keep]
 *
 * The district (bidui generate, seed 20261, profile normal, one month of events) is cached
 * under bench/out/district-<persons>/ (git-ignored). The run happens in a child process, so its
 * peak RSS excludes the generator's; it calls runPeriod as `bidui run` does (same seed, same
 * transaction and report commit). Prints wall and CPU seconds per stage (CPU of every thread
 * of the process: wall time on a shared machine varies with other people's load, CPU much
 * less), the total, peak RSS and the load average.
 */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Month } from '../src/domain/month.js'
import { createRng } from '../src/generate/create-rng.js'
import { linkSeed } from '../src/pipeline/link-seed.js'
import type { Pipeline } from '../src/pipeline/pipeline.js'
import { type RunStage, runPeriod } from '../src/pipeline/run-period.js'
import { openStore } from '../src/store/open-store.js'
import { demoPipelineFile, demoPipelineIn, districtDir, ensureDistrict, repoRoot } from './bench-district.js'

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    child: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})
const persons = Number(values.persons)
const period = '2026-10' as Month
const _root = repoRoot
const dataDir = districtDir(persons)
const _demoPipeline = demoPipelineFile

/** The demo pipeline, every source pointed at the generated files. */
const benchPipeline = (): Pipeline => demoPipelineIn(dataDir)

interface StageFigure {
  readonly stage: RunStage | 'open' | 'commit'
  readonly seconds: number
  readonly cpuSeconds: number
  readonly detail: string
}

if (values.child) {
  const dbFile = path.join(dataDir, 'run-bench.db')
  const reports = path.join(dataDir, 'run-bench-reports')
  const clean = () => {
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true })
    rmSync(reports, { recursive: true, force: true })
  }
  clean()
  const stages: StageFigure[] = []
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  let clock = { wall: started, cpu: cpuStart }
  const lap = (stage: StageFigure['stage'], detail: string) => {
    const cpu = process.cpuUsage()
    const wall = performance.now()
    stages.push({
      stage,
      seconds: (wall - clock.wall) / 1000,
      cpuSeconds: (cpu.user - clock.cpu.user + cpu.system - clock.cpu.system) / 1e6,
      detail,
    })
    clock = { wall, cpu }
  }
  const pipeline = benchPipeline()
  const store = await openStore(dbFile)
  lap('open', 'new store, migrated')
  const summary = await runPeriod(store, pipeline, {
    period,
    rng: createRng(linkSeed(period)).next,
    now: () => new Date(),
    reports,
    onStage: (stage, _s, detail) => lap(stage, detail),
  })
  // What follows the report stage: the store commit and the report files' moves.
  lap('commit', `store committed, ${summary.reports.perCheck.length + 1} case files moved`)
  await store.close()
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  process.stdout.write(
    `${JSON.stringify({
      records: summary.link.records,
      persons: summary.link.persons,
      cases: summary.total.cases,
      stages,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: os.loadavg(),
    })}\n`,
  )
  if (!values.keep) clean()
} else {
  await ensureDistrict(persons, period)
  const self = fileURLToPath(import.meta.url)
  const args = [self, '--child', '--persons', String(persons)]
  if (values.keep) args.push('--keep')
  const loadBefore = os.loadavg()
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const r = JSON.parse(out) as {
    records: number
    persons: number
    cases: number
    stages: StageFigure[]
    seconds: number
    cpuSeconds: number
    peakRssMB: number
    loadAverage: number[]
  }
  const lines = r.stages.map(
    (s) =>
      `  ${s.stage.padEnd(9)} ${s.seconds.toFixed(2).padStart(7)} s wall ${s.cpuSeconds.toFixed(2).padStart(7)} s CPU  ${s.detail}`,
  )
  process.stdout.write(
    `bidui run, ${persons} persons: ${r.records} records → ${r.persons} persons, ${r.cases} cases\n` +
      `${lines.join('\n')}\n` +
      `  total     ${r.seconds.toFixed(2).padStart(7)} s wall ${r.cpuSeconds.toFixed(2).padStart(7)} s CPU (all threads; target ≤ 20 s wall on 2 cores)\n` +
      `  peak RSS ${r.peakRssMB} MB; load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${r.loadAverage.map((x) => x.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)\n`,
  )
}
