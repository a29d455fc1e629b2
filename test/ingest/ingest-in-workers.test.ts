import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Month } from '../../src/domain/month.js'
import type * as IngestModule from '../../src/ingest/ingest-period.js'
import type * as PipelineModule from '../../src/pipeline/load-pipeline.js'
import type * as StoreModule from '../../src/store/open-store.js'
import { smallPipelineText, smallPoliceRows, writeSmallExports } from '../support/small-exports.js'

// Worker threads run only from the compiled modules (a worker cannot load the .ts sources), so
// this test loads them from dist/ (`npm test` builds it first, as the CLI tests need).
function compiled<T>(module: string): Promise<T> {
  return import(pathToFileURL(path.resolve('dist/src', module)).href) as Promise<T>
}

const period = '2026-10' as Month
let dir: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-ingest-workers-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('ingest in worker threads', () => {
  it('stores exactly what in-thread ingest stores (workers forced on for small files)', async () => {
    const { ingestPeriod } = await compiled<typeof IngestModule>('ingest/ingest-period.js')
    const { parsePipelineText } = await compiled<typeof PipelineModule>('pipeline/load-pipeline.js')
    const { openStore } = await compiled<typeof StoreModule>('store/open-store.js')
    const rows = [smallPoliceRows[0]!]
    for (let i = 0; i < 400; i++)
      rows.push(`410105199001021234,王${i},女,1990/1/2,花园路${i}号,,迁出,2026-10-09`)
    const pipeline = parsePipelineText(smallPipelineText, await writeSmallExports(dir, rows))

    const dump = async (s: Awaited<ReturnType<typeof openStore>>) => ({
      records: (await s.db.selectFrom('record').selectAll().orderBy('id').execute()).map(
        ({ id, file_id, ...r }) => r,
      ),
      rejects: (await s.db.selectFrom('reject').selectAll().orderBy('id').execute()).map(
        ({ id, file_id, ...r }) => r,
      ),
    })
    const inWorkers = await openStore(':memory:')
    const inThread = await openStore(':memory:')
    try {
      const a = await ingestPeriod(inWorkers, pipeline, { period, workerMinBytes: 0 })
      const b = await ingestPeriod(inThread, pipeline, { period, parallel: false })
      expect(a.files.map(({ seconds, ...f }) => f)).toEqual(b.files.map(({ seconds, ...f }) => f))
      const stored = await dump(inWorkers)
      expect(stored).toEqual(await dump(inThread))
      expect(stored.records.length).toBeGreaterThan(400)
    } finally {
      await inWorkers.close()
      await inThread.close()
    }
  })
})
