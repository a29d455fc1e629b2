/**
 * Reconcile stage benchmark (issue 5): loadReconcileInput + reconcile() on a kept store, e.g.
 * the one `run.bench.js --keep` leaves in bench/out/district-100000/run-bench.db. Prints wall
 * and CPU seconds of each half (CPU: user + sys of this process), best of --repeat runs, and
 * with --cases <file> writes the cases as JSON lines so two builds can be compared with cmp.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/reconcile-stage.bench.js --db <store.db> \
 *     [--pipeline pipelines/demo.yaml] [--period 2026-10] [--repeat 3] [--cases out.jsonl]
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { loadPipeline } from '../src/pipeline/load-pipeline.js'
import { reconcile } from '../src/reconcile/reconcile.js'
import { openStore } from '../src/store/open-store.js'
import { loadReconcileInput } from '../src/store/reconcile-input.repository.js'

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    pipeline: { type: 'string', default: 'pipelines/demo.yaml' },
    period: { type: 'string', default: '2026-10' },
    repeat: { type: 'string', default: '3' },
    cases: { type: 'string' },
  },
})
if (values.db === undefined) throw new Error('--db <store.db> is required')
const pipeline = loadPipeline(values.pipeline)
const period = values.period
const q = { pipeline: pipeline.name, county: pipeline.jurisdiction.county, period }
const sources = pipeline.sources.map((s) => ({ name: s.name, agency: s.agency, kind: s.kind }))

/** Wall and CPU seconds of f. */
async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = await f()
  const c = process.cpuUsage(c0)
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 }
}

const store = await openStore(values.db)
const best = { load: Number.POSITIVE_INFINITY, reconcile: Number.POSITIVE_INFINITY }
let lines: string[] = []
for (let k = 0; k < Number(values.repeat); k++) {
  const load = await timed(() => loadReconcileInput(store.db, q, sources))
  const loaded = load.value
  if (loaded === undefined) throw new Error(`no linkage of ${period} in ${values.db}`)
  const run = await timed(() => reconcile(loaded.input, pipeline.checks, { period }))
  best.load = Math.min(best.load, load.cpu)
  best.reconcile = Math.min(best.reconcile, run.cpu)
  process.stdout.write(
    `run ${k + 1}: load ${load.wall.toFixed(2)} s wall ${load.cpu.toFixed(2)} s CPU (${loaded.input.records.length} records, ${loaded.input.pairs.length} pairs); ` +
      `reconcile ${run.wall.toFixed(2)} s wall ${run.cpu.toFixed(2)} s CPU (${run.value.length} cases)\n`,
  )
  lines = run.value.map((c) => JSON.stringify(c))
}
await store.close()
process.stdout.write(
  `best CPU: load ${best.load.toFixed(2)} s, reconcile ${best.reconcile.toFixed(2)} s, stage ${(best.load + best.reconcile).toFixed(2)} s; ` +
    `load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
)
if (values.cases !== undefined) writeFileSync(values.cases, `${lines.join('\n')}\n`)
