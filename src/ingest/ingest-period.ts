import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import type { Month } from '../domain/month.js'
import { ExportFileNotFoundError } from '../errors/ingest-errors.js'
import type { Pipeline, Source } from '../pipeline/pipeline.js'
import type { Store } from '../store/open-store.js'
import { insertRecords } from '../store/records.repository.js'
import { insertRejects } from '../store/rejects.repository.js'
import { finishRun, startRun } from '../store/runs.repository.js'
import {
  deleteReplacedFiles,
  findIngestedFile,
  insertSourceFile,
  updateSourceFileCounts,
} from '../store/source-files.repository.js'
import { openNormalizedStream } from './normalized-stream.js'
import { openNormalizedStreamInWorker, workersAvailable } from './open-normalized-stream-in-worker.js'

export interface IngestProgress {
  readonly source: string
  readonly file: string
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly rows: number
}

export interface IngestOptions {
  readonly period: Month
  readonly onProgress?: (p: IngestProgress) => void
  /** Called when a file starts and ends, for the CLI's messages. */
  readonly onFile?: (
    f: FileIngestResult | { source: string; path: string; status: 'started'; bytes: number },
  ) => void
  readonly now?: () => Date
  /**
   * Read and normalize in a worker thread while this thread writes the store (default true;
   * only possible when running compiled, so tests of the TypeScript sources run in-thread).
   */
  readonly parallel?: boolean
}

export interface FileIngestResult {
  readonly source: string
  /** Relative to the pipeline file's folder (as written in the pipeline), so it does not depend on where bidui runs. */
  readonly path: string
  readonly status: 'ingested' | 'already-ingested'
  readonly encoding: string
  readonly rowsRead: number
  readonly recordsStored: number
  readonly rowsRejected: number
  /** Earlier ingests of this path for the period with other content, now replaced. */
  readonly replaced: number
  readonly seconds: number
  /** For already-ingested files: when that happened. */
  readonly ingestedAt?: string
}

export interface IngestSummary {
  readonly runId: number
  readonly period: Month
  readonly files: readonly FileIngestResult[]
}

/**
 * Ingests every source file of the pipeline for a period. Each file is one transaction: a
 * failure mid-file leaves the store as it was before that file. A file already ingested for
 * this source and period (same content hash) is skipped; a changed file at the same path
 * replaces the earlier one.
 */
export async function ingestPeriod(
  store: Store,
  pipeline: Pipeline,
  options: IngestOptions,
): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date())
  const planned = pipeline.sources.flatMap((source) =>
    source.files.map((pattern) => ({ source, file: pattern.replaceAll('{period}', options.period) })),
  )
  // Every file must be there before anything is stored: a half-ingested month is worse than none.
  for (const p of planned) {
    if (!existsSync(p.file))
      throw new ExportFileNotFoundError(path.relative(process.cwd(), p.file), p.source.name)
  }
  const runId = await startRun(store.db, {
    pipeline: pipeline.name,
    county: pipeline.jurisdiction.county,
    period: options.period,
    command: 'ingest',
    now: now(),
  })
  const files: FileIngestResult[] = []
  try {
    for (const p of planned)
      files.push(await ingestFile(store, pipeline, p.source, p.file, runId, options, now))
  } catch (e) {
    await finishRun(store.db, runId, 'failed', now())
    throw e
  }
  await finishRun(store.db, runId, 'succeeded', now())
  return { runId, period: options.period, files }
}

async function ingestFile(
  store: Store,
  pipeline: Pipeline,
  source: Source,
  file: string,
  runId: number,
  options: IngestOptions,
  now: () => Date,
): Promise<FileIngestResult> {
  const started = performance.now()
  const sha256 = await hashFile(file)
  const key = {
    pipeline: pipeline.name,
    county: pipeline.jurisdiction.county,
    period: options.period,
    source: source.name,
  }
  const shownPath = path.relative(path.dirname(pipeline.file), file).split(path.sep).join('/')
  const done = await findIngestedFile(store.db, { ...key, sha256 })
  if (done) {
    const result: FileIngestResult = {
      source: source.name,
      path: shownPath,
      status: 'already-ingested',
      encoding: done.encoding,
      rowsRead: done.rows_read,
      recordsStored: done.records_stored,
      rowsRejected: done.rows_rejected,
      replaced: 0,
      seconds: (performance.now() - started) / 1000,
      ingestedAt: done.ingested_at,
    }
    options.onFile?.(result)
    return result
  }

  let rowsRead = 0
  let recordsStored = 0
  let rowsRejected = 0
  let replaced = 0
  const request = { file, source, jurisdiction: pipeline.jurisdiction }
  const stream = await (options.parallel !== false && workersAvailable
    ? openNormalizedStreamInWorker(request)
    : openNormalizedStream(request))
  try {
    options.onFile?.({ source: source.name, path: shownPath, status: 'started', bytes: stream.bytes })
    await store.db.transaction().execute(async (trx) => {
      replaced = await deleteReplacedFiles(trx, { ...key, path: shownPath })
      const fileId = await insertSourceFile(trx, {
        ...key,
        run_id: runId,
        agency: source.agency,
        kind: source.kind,
        path: shownPath,
        sha256,
        bytes: stream.bytes,
        encoding: stream.header.encoding,
        rows_read: 0,
        records_stored: 0,
        rows_rejected: 0,
        ingested_at: now().toISOString(),
        columns: JSON.stringify(Object.fromEntries(stream.indexOf)),
      })
      for await (const batch of stream.batches) {
        for (const r of batch.records) r[0] = fileId
        insertRecords(store, trx, batch.records)
        insertRejects(store, trx, fileId, batch.rejects)
        rowsRead += batch.rowsRead
        recordsStored += batch.records.length
        rowsRejected += batch.rejects.length
        options.onProgress?.({
          source: source.name,
          file: shownPath,
          bytesDone: batch.bytesDone,
          bytesTotal: stream.bytes,
          rows: rowsRead,
        })
      }
      await updateSourceFileCounts(trx, fileId, {
        rows_read: rowsRead,
        records_stored: recordsStored,
        rows_rejected: rowsRejected,
      })
    })
  } finally {
    await stream.close()
  }
  const result: FileIngestResult = {
    source: source.name,
    path: shownPath,
    status: 'ingested',
    encoding: stream.header.encoding,
    rowsRead,
    recordsStored,
    rowsRejected,
    replaced,
    seconds: (performance.now() - started) / 1000,
  }
  options.onFile?.(result)
  return result
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
