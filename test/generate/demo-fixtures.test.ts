import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDistrict } from '../../src/generate/generate-district.js'
import { loadPipeline } from '../../src/pipeline/load-pipeline.js'
import { readCsvLines, readTruth, readXlsxRows } from './read-export.js'

const demo = path.resolve('fixtures/demo')
const manifest = JSON.parse(readFileSync(path.join(demo, 'manifest.json'), 'utf8')) as {
  options: { period: string }
  files: { file: string; rows: number }[]
}

describe('fixtures/demo and pipelines/demo.yaml', () => {
  const pipeline = loadPipeline('pipelines/demo.yaml')

  it('reads every file the generator wrote, each mapped header present in the file', async () => {
    const read = new Set<string>()
    for (const s of pipeline.sources) {
      for (const f of s.files) {
        const file = f.replace('{period}', manifest.options.period)
        read.add(path.basename(file))
        const header = file.endsWith('.xlsx')
          ? ((await readXlsxRows(file))[0] ?? [])
          : (readCsvLines(file)[0] ?? '').split(',')
        for (const c of s.columns) expect(header, `${s.name}: ${c.header}`).toContain(c.header)
      }
    }
    expect([...read].sort()).toEqual(manifest.files.map((f) => f.file).sort())
  })

  it('lists every community the truth assigns people to', () => {
    const codes = new Set(pipeline.jurisdiction.communities.map((c) => c.code))
    for (const d of readTruth(path.join(demo, 'truth/discrepancies.csv')))
      expect(codes.has(d.community_code ?? '')).toBe(true)
  })

  it('is exactly what the documented command writes (so it can be regenerated, not hand-edited)', async () => {
    // pipelines/demo.yaml and docs/generator.md give this command for the demo.
    const out = mkdtempSync(path.join(tmpdir(), 'bidui-demo-'))
    try {
      await generateDistrict({
        persons: 3000,
        seed: 20261,
        period: '2026-10',
        profile: 'normal',
        eventMonths: 12,
        out,
      })
      // expected-cases.csv is the reviewed golden file of `bidui check`, not generator output.
      const files = (dir: string) =>
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name !== 'expected-cases.csv')
          .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
          .sort()
      expect(files(out)).toEqual(files(demo))
      for (const f of files(demo)) {
        expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(demo, f))), f).toBe(true)
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 60_000)
})
