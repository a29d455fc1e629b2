/**
 * The generated district the benchmarks run on, shared by bench/ingest, bench/match and
 * bench/run: where it is cached and the demo pipeline pointed at its files.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Month } from '../src/domain/month.js'
import { generateDistrict } from '../src/generate/generate-district.js'
import { loadPipeline } from '../src/pipeline/load-pipeline.js'
import type { Pipeline } from '../src/pipeline/pipeline.js'

/** The repository root (benchmarks run from dist/bench/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The demo pipeline every benchmark maps the generated exports with. */
export const demoPipelineFile = path.join(repoRoot, 'pipelines', 'demo.yaml')

/** bench/out/district-<persons>/ (git-ignored): the generated exports and the benches' stores. */
export function districtDir(persons: number): string {
  return path.join(repoRoot, 'bench', 'out', `district-${persons}`)
}

/**
 * Generates the district once (seed 20261, profile normal, as the README's figures were
 * measured) unless its manifest is already there.
 */
export async function ensureDistrict(persons: number, period: Month): Promise<string> {
  const dir = districtDir(persons)
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    process.stderr.write(`generating ${persons} persons into ${path.relative(repoRoot, dir)} ...\n`)
    await generateDistrict({ persons, seed: 20261, period, profile: 'normal', out: dir })
  }
  return dir
}

/** The demo pipeline with every source's files taken from `dir` (same file names). */
export function demoPipelineIn(dir: string): Pipeline {
  const demo = loadPipeline(demoPipelineFile)
  return {
    ...demo,
    sources: demo.sources.map((s) => ({
      ...s,
      files: s.files.map((f) => path.join(dir, path.basename(f))),
    })),
  }
}
