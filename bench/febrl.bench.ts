/**
 * FEBRL 4 end to end, as a user runs it: `bidui ingest` of 4A and 4B into a fresh store, then
 * `bidui evaluate` (load, block, sample u, EM, score, cluster, score against rec_id), each a new
 * process. Prints seconds per step and in all for each run, then the median, min and max, and
 * the pair F1 of the last run. Target (issue 4): F1 ≥ 0.999 in under 5 s end to end. The data
 * sits beside the project in ../shared/data/febrl.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/febrl.bench.js [runs=5]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const runs = Number(process.argv[2] ?? 5)
const cli = path.resolve('dist/src/cli/main.js')
const pipeline = path.resolve('pipelines/febrl4.yaml')
const data = path.resolve('pipelines', '../../shared/data/febrl/dataset4a.csv')
if (!existsSync(data)) {
  process.stderr.write(`febrl.bench: ${data} not found; nothing to time.\n`)
  process.exit(1)
}

function bidui(cwd: string, ...args: string[]): { seconds: number; stdout: string } {
  const start = performance.now()
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  const seconds = (performance.now() - start) / 1000
  if (r.status !== 0) throw new Error(`bidui ${args[0]} exited ${r.status}: ${r.stderr}`)
  return { seconds, stdout: r.stdout }
}

const totals: number[] = []
let f1 = Number.NaN
for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bidui-febrl-bench-'))
  try {
    const ingest = bidui(dir, 'ingest', pipeline, '--period', '2000-01', '--db', 'febrl.db')
    const evaluate = bidui(dir, 'evaluate', pipeline, '--period', '2000-01', '--db', 'febrl.db', '--json')
    const total = ingest.seconds + evaluate.seconds
    totals.push(total)
    f1 = JSON.parse(evaluate.stdout).methods[0].all.f1
    process.stdout.write(
      `run ${run}: ingest ${ingest.seconds.toFixed(2)} s + evaluate ${evaluate.seconds.toFixed(2)} s = ${total.toFixed(2)} s\n`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
const sorted = [...totals].sort((a, b) => a - b)
const median = sorted[Math.floor(sorted.length / 2)] as number
process.stdout.write(
  `FEBRL 4 end to end over ${runs} runs: median ${median.toFixed(2)} s (min ${(sorted[0] as number).toFixed(2)}, ` +
    `max ${(sorted[sorted.length - 1] as number).toFixed(2)}) · pair F1 ${f1.toFixed(4)}\n`,
)
