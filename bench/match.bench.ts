/**
 * Match benchmark (issue 4): link a 1,000,000-person register against a 1,000,000-person police
 * snapshot plus the month's feeds, from the project's generator, with the demo pipeline's
 * blocking rules and comparisons: load → blocking → comparing (every pair's pattern key, both
 * threads) → training (u sampling, EM) → scoring (weights looked up by pattern key) →
 * clustering → persons → store, timed stage by stage with wall and CPU seconds (both threads),
 * pairs/s, peak RSS and the load average. Target: blocking → clusters ≤ 60 s and ≤ 4 GB RSS on
 * 2 cores, ≥ 400,000 scored pairs/s per core.
 *
 *   npm run build && node dist/bench/match.bench.js [--persons 1000000] [--single-thread]
 *
 * Node's flags pass on to the child. Runs with Node's default heap since records are loaded as
 * columns (peak RSS about 3.3 GB at 2.4M records; one object per record took 7 GB and a 12 GB heap).
 *
 * Cached under bench/out/ (git-ignored): the generated district (shared with ingest.bench.ts)
 * and the ingested store (ingest is not part of the target). Each run links a fresh copy of the
 * ingested store, in a child process so that peak RSS is the link's alone.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Month } from '../src/domain/month.js'
import { createRng } from '../src/generate/create-rng.js'
import { ingestPeriod } from '../src/ingest/ingest-period.js'
import { linkStoredPeriod } from '../src/pipeline/link-stored-period.js'
import type { Pipeline } from '../src/pipeline/pipeline.js'
import { openStore } from '../src/store/open-store.js'
import { demoPipelineFile, demoPipelineIn, districtDir, ensureDistrict, repoRoot } from './bench-district.js'

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    child: { type: 'string' },
    'single-thread': { type: 'boolean', default: false },
  },
})
const persons = Number(values.persons)
const period = '2026-10' as Month
const root = repoRoot
const dataDir = districtDir(persons)
const ingestedStore = path.join(dataDir, 'match-ingested.db')
const runStore = path.join(dataDir, 'match-run.db')
const _demoPipeline = demoPipelineFile

/** The demo pipeline, every source pointed at the generated files. */
const benchPipeline = (): Pipeline => demoPipelineIn(dataDir)

const removeStore = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
}

if (values.child === 'ingest') {
  const partial = `${ingestedStore}.partial`
  removeStore(partial)
  const store = await openStore(partial)
  const started = performance.now()
  const summary = await ingestPeriod(store, benchPipeline(), { period })
  await store.close()
  renameSync(partial, ingestedStore)
  const records = summary.files.reduce((n, f) => n + f.recordsStored, 0)
  process.stderr.write(
    `ingested ${records} records in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  )
} else if (values.child === 'link') {
  const store = await openStore(runStore)
  const pipeline = benchPipeline()
  process.stderr.write(
    `blocking rules: ${(pipeline.matching?.blocking ?? []).map((r) => `${r.name} [${r.keys.join(', ')}]`).join('; ')}\n`,
  )
  const stages: Record<string, { seconds: number; cpuSeconds: number; detail: string }> = {}
  // CPU of the process (both threads) since the last stage or step ended: wall time on the
  // shared machine says little, CPU time is what a stage costs.
  let cpuMark = process.cpuUsage()
  const cpuSince = () => {
    const now = process.cpuUsage()
    const spent = (now.user - cpuMark.user + now.system - cpuMark.system) / 1e6
    cpuMark = now
    return spent
  }
  // As each stage ends, on stderr: a long run shows where it is.
  const progress = (name: string, seconds: number, cpuSeconds: number, detail: string) =>
    process.stderr.write(
      `  ${name}: ${seconds.toFixed(2)} s, CPU ${cpuSeconds.toFixed(2)} s, ${detail} (RSS now ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB)\n`,
    )
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const summary = await linkStoredPeriod(store, pipeline, {
    period,
    rng: createRng('match-bench').next,
    now: () => new Date(),
    onStage: (stage, seconds, detail) => {
      // The link stage's CPU is the sum of its steps' (each step took its share as it ended).
      const cpuSeconds =
        stage === 'link'
          ? cpuSince() +
            Object.entries(stages).reduce((t, [k, v]) => t + (k.startsWith('link.') ? v.cpuSeconds : 0), 0)
          : cpuSince()
      stages[stage] = { seconds, cpuSeconds, detail }
      progress(stage, seconds, cpuSeconds, detail)
    },
    onLinkStep: (step, seconds, detail) => {
      const cpuSeconds = cpuSince()
      stages[`link.${step}`] = { seconds, cpuSeconds, detail }
      progress(`link.${step}`, seconds, cpuSeconds, detail)
    },
    ...(values['single-thread'] ? { parallel: { minimumRecords: Number.POSITIVE_INFINITY } } : {}),
  })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  await store.close()
  process.stdout.write(
    `${JSON.stringify({
      records: summary.records,
      candidatePairs: summary.candidatePairs,
      accepted: summary.accepted,
      review: summary.review,
      persons: summary.persons,
      stages,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: os.loadavg(),
    })}\n`,
  )
} else {
  await ensureDistrict(persons, period)
  const self = fileURLToPath(import.meta.url)
  const child = (kind: string, extra: string[] = []) =>
    execFileSync(
      process.execPath,
      [...process.execArgv, self, '--child', kind, '--persons', String(persons), ...extra],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 26,
      },
    )
  if (!existsSync(ingestedStore)) {
    process.stderr.write(
      `ingesting the district into ${path.relative(root, ingestedStore)} (cached, not timed) ...\n`,
    )
    child('ingest')
  }
  removeStore(runStore)
  copyFileSync(ingestedStore, runStore)
  const r = JSON.parse(child('link', values['single-thread'] ? ['--single-thread'] : [])) as {
    records: number
    candidatePairs: number
    accepted: number
    review: number
    persons: number
    stages: Record<string, { seconds: number; cpuSeconds: number; detail: string }>
    seconds: number
    cpuSeconds: number
    peakRssMB: number
    loadAverage: number[]
  }
  removeStore(runStore)
  const s = (name: string) => r.stages[name]?.seconds ?? 0
  const line = (name: string) => {
    const x = r.stages[name]
    if (x)
      process.stdout.write(
        `  ${name.padEnd(16)} ${x.seconds.toFixed(2).padStart(7)} s  CPU ${x.cpuSeconds.toFixed(2).padStart(7)} s  ${x.detail}\n`,
      )
  }
  process.stdout.write(
    `${r.records} records, ${r.candidatePairs} candidate pairs, ${r.accepted} accepted, ${r.review} to review, ${r.persons} persons\n`,
  )
  for (const name of [
    'load',
    'link.blocking',
    'link.comparing',
    'link.training',
    'link.scoring',
    'link.clustering',
    'link',
    'persons',
    'store',
  ])
    line(name)
  const steps = ['link.blocking', 'link.comparing', 'link.training', 'link.scoring', 'link.clustering']
  const blockingToClusters = steps.reduce((t, name) => t + s(name), 0)
  const blockingToClustersCpu = steps.reduce((t, name) => t + (r.stages[name]?.cpuSeconds ?? 0), 0)
  // Comparing runs every comparator on every pair (both threads); scoring then looks weights up.
  const comparingCpu = r.stages['link.comparing']?.cpuSeconds ?? 0
  process.stdout.write(
    `blocking → clusters ${blockingToClusters.toFixed(1)} s wall, ${blockingToClustersCpu.toFixed(1)} s CPU; ` +
      `comparing ${Math.round(r.candidatePairs / s('link.comparing'))} pairs/s wall, ` +
      `${Math.round(r.candidatePairs / comparingCpu)} pairs per CPU second; ` +
      `scoring from pattern keys ${Math.round(r.candidatePairs / s('link.scoring'))} pairs/s; ` +
      `whole link ${r.seconds.toFixed(1)} s, CPU ${r.cpuSeconds.toFixed(1)} s; peak RSS ${r.peakRssMB} MB; ` +
      `load average ${r.loadAverage.map((x) => x.toFixed(2)).join(' ')} (2 cores, shared)\n`,
  )
}
