import { existsSync, statSync } from 'node:fs'
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
import {
  type NormalizedStream,
  type NormalizedStreamRequest,
  openNormalizedStream,
} from './normalized-stream.js'
import { openNormalizedRanges } from './open-normalized-ranges.js'
import { openNormalizedStreamInWorker, workersAvailable } from './open-normalized-stream-in-worker.js'
import { tableFormatOf } from './open-table.js'
import { type SplitOptions, scanExport } from './scan-export.js'
import { SplitBoundaryInQuoteError } from './split-boundary-in-quote-error.js'
import type { ByteRange } from './table-source.js'

/**
 * Large CSV files are read by two workers in ranges of about 512 KiB (about 3,800 rows of a
 * person export), so reading and normalizing use both cores while this thread writes the
 * store. Small ranges keep the read-ahead waiting in this thread small (see
 * open-normalized-stream-in-worker.ts).
 */
const defaultSplit: SplitOptions = { rangeBytes: 512 << 10, minFileBytes: 8 << 20 }
const defaultWorkerMinBytes = 4 << 20

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
  /**
   * How large CSV files are cut for reading in ranges (scan-export.ts); `false` reads every
   * file whole. Defaults to ranges of 512 KiB for files over 8 MiB when workers run; when given,
   * ranges are also used in-thread (for tests).
   */
  readonly split?: SplitOptions | false
  /**
   * Files smaller than this are read in this thread even when workers run (default 4 MiB):
   * a worker loads the normalizers' dictionaries (pinyin, OpenCC) afresh, about half a second of
   * CPU, which a small export never earns back — a 300-person month took 4.9 s of CPU in
   * workers and 0.8 s without.
   */
  readonly workerMinBytes?: number
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
  const isCsv = tableFormatOf(file, source.format) === 'csv'
  const inWorkers =
    options.parallel !== false &&
    workersAvailable &&
    statSync(file).size >= (options.workerMinBytes ?? defaultWorkerMinBytes)
  const split =
    !isCsv || options.split === false ? undefined : (options.split ?? (inWorkers ? defaultSplit : undefined))
  const { sha256, ranges } = await scanExport(file, split)
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

  const request: NormalizedStreamRequest = { file, source, jurisdiction: pipeline.jurisdiction }
  const ctx: StoreFileContext = {
    store,
    source,
    shownPath,
    sha256,
    runId,
    key,
    options,
    now,
    announced: false,
  }
  let stored: StoredFile
  try {
    stored = await storeFile(ctx, await openStream(request, ranges, inWorkers))
  } catch (e) {
    if (!(e instanceof SplitBoundaryInQuoteError)) throw e
    // A quoted cell spans a range boundary: the transaction is gone, read the file whole.
    stored = await storeFile(ctx, await openStream(request, null, inWorkers))
  }
  const { rowsRead, recordsStored, rowsRejected, replaced, encoding } = stored
  const result: FileIngestResult = {
    source: source.name,
    path: shownPath,
    status: 'ingested',
    encoding,
    rowsRead,
    recordsStored,
    rowsRejected,
    replaced,
    seconds: (performance.now() - started) / 1000,
  }
  options.onFile?.(result)
  return result
}

function openStream(
  request: NormalizedStreamRequest,
  ranges: readonly ByteRange[] | null,
  inWorkers: boolean,
): Promise<NormalizedStream> {
  if (inWorkers) return openNormalizedStreamInWorker(request, ranges)
  return ranges ? openNormalizedRanges(request, ranges) : openNormalizedStream(request)
}

interface StoreFileContext {
  readonly store: Store
  readonly source: Source
  readonly shownPath: string
  readonly sha256: string
  readonly runId: number
  readonly key: { pipeline: string; county: string; period: Month; source: string }
  readonly options: IngestOptions
  readonly now: () => Date
  /** The 'started' message went out (a file read again whole is not announced twice). */
  announced: boolean
}

interface StoredFile {
  readonly rowsRead: number
  readonly recordsStored: number
  readonly rowsRejected: number
  readonly replaced: number
  readonly encoding: string
}

/** Stores one opened export in one transaction and closes the stream. */
async function storeFile(ctx: StoreFileContext, stream: NormalizedStream): Promise<StoredFile> {
  const { store, source, shownPath, key, options } = ctx
  let rowsRead = 0
  let recordsStored = 0
  let rowsRejected = 0
  let replaced = 0
  try {
    if (!ctx.announced)
      options.onFile?.({ source: source.name, path: shownPath, status: 'started', bytes: stream.bytes })
    ctx.announced = true
    await store.db.transaction().execute(async (trx) => {
      replaced = await deleteReplacedFiles(trx, { ...key, path: shownPath })
      const fileId = await insertSourceFile(trx, {
        ...key,
        run_id: ctx.runId,
        agency: source.agency,
        kind: source.kind,
        path: shownPath,
        sha256: ctx.sha256,
        bytes: stream.bytes,
        encoding: stream.header.encoding,
        rows_read: 0,
        records_stored: 0,
        rows_rejected: 0,
        ingested_at: ctx.now().toISOString(),
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
  return { rowsRead, recordsStored, rowsRejected, replaced, encoding: stream.header.encoding }
}
