/**
 * Generation benchmark: a district of 1,000,000 people with every export and the truth files,
 * written into the OS temp directory. Prints wall seconds and peak RSS; the README quotes the
 * figure. Run after `npm run build`:
 *   node dist/bench/generate.bench.js [persons] [event-months]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateDistrict } from '../src/generate/generate-district.js'

const persons = Number(process.argv[2] ?? 1_000_000)
const eventMonths = Number(process.argv[3] ?? 1)
const out = mkdtempSync(path.join(os.tmpdir(), 'bidui-generate-bench-'))
const started = process.hrtime.bigint()
const stages: string[] = []
try {
  const summary = await generateDistrict({
    persons,
    seed: 'bench',
    period: '2026-10',
    profile: 'normal',
    eventMonths,
    out,
    onStage: (stage) =>
      stages.push(`${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s ${stage}`),
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const rssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${stages.join('\n')}\n`)
  process.stdout.write(
    `generate: ${persons} persons, ${eventMonths} event month(s), ${summary.files.reduce((n, f) => n + f.rows, 0)} export rows, ` +
      `${summary.truth.records} records, ${summary.truth.pairs} pairs: ${seconds.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB\n`,
  )
} finally {
  rmSync(out, { recursive: true, force: true })
}
