import { readdirSync } from 'node:fs'
import path from 'node:path'
import { parseMonth } from '../domain/month.js'
import type { Pipeline } from './pipeline.js'

/**
 * The pipeline reading its exports from a fixtures folder: each file pattern is looked up by
 * its file name in `dir` (fixtures/demo/police-changes-{period}.csv → DIR/police-changes-2026-10.csv),
 * so one pipeline runs on the district it was written for and on any fixture copy of it.
 */
export function pipelineOnFixtures(pipeline: Pipeline, dir: string): Pipeline {
  return {
    ...pipeline,
    sources: pipeline.sources.map((s) => ({
      ...s,
      files: s.files.map((f) => path.join(path.resolve(dir), path.basename(f))),
    })),
  }
}

/** The months whose exports the folder holds, read from the file names the patterns make. */
export function fixturePeriods(pipeline: Pipeline, dir: string): string[] {
  const names = readdirSync(dir)
  const periods = new Set<string>()
  for (const s of pipeline.sources) {
    for (const f of s.files) {
      const [before, after] = path.basename(f).split('{period}') as [string, string | undefined]
      if (after === undefined) continue
      for (const n of names) {
        const m =
          n.startsWith(before) && n.endsWith(after) ? n.slice(before.length, n.length - after.length) : ''
        if (parseMonth(m) !== null) periods.add(m)
      }
    }
  }
  return [...periods].sort()
}
