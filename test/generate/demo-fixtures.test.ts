import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
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
})
