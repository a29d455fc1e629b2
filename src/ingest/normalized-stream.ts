import type { Pipeline, Source } from '../pipeline/pipeline.js'
import { toRecordRow } from '../store/records.repository.js'
import { mapHeaders } from './header-map.js'
import { buildRowNormalizer, type RowNormalizer } from './normalize-row.js'
import { openTable } from './open-table.js'
import type { Reject } from './reject.js'
import type { ByteRange, TableHeader } from './table-source.js'

/** One batch of an export, read and normalized, ready for the store. */
export interface NormalizedBatch {
  /** Positional record rows (see recordColumns) with file_id 0: the store fills in the real id. */
  readonly records: unknown[][]
  readonly rejects: readonly Reject[]
  /** Source rows this batch covers (records may be more: a marriage row gives two). */
  readonly rowsRead: number
  readonly bytesDone: number
}

/** An export opened, its headers mapped, its rows streamed as normalized batches. */
export interface NormalizedStream {
  readonly header: TableHeader
  /** Column key as written in the pipeline → 0-based cell index. */
  readonly indexOf: ReadonlyMap<string, number>
  readonly bytes: number
  readonly batches: AsyncIterable<NormalizedBatch>
  close(): Promise<void>
}

/** What a worker thread needs to open a stream (structured-cloneable). */
export interface NormalizedStreamRequest {
  readonly file: string
  readonly source: Source
  readonly jurisdiction: Pipeline['jurisdiction']
  /** CSV only: just the rows of this byte range (see scan-export.ts). */
  readonly range?: ByteRange
}

/**
 * Opens an export and normalizes it batch by batch in this thread. ingest-period.ts runs the
 * same function in a worker thread (ingest-worker.ts) so reading and normalizing use one core
 * while the store writes on the other.
 */
export async function openNormalizedStream(
  req: NormalizedStreamRequest,
  /** Ranges of one file share one normalizer (and its community cache): pass the same map. */
  normalizers?: Map<string, RowNormalizer>,
): Promise<NormalizedStream> {
  const { file, source, jurisdiction } = req
  let bytesDone = 0
  const table = await openTable(file, {
    format: source.format ?? undefined,
    encoding: source.encoding,
    sheet: source.sheet ?? undefined,
    range: req.range,
    onBytes: (done) => {
      bytesDone = done
    },
  })
  let indexOf: Map<string, number>
  try {
    indexOf = mapHeaders(
      table.header,
      source.columns.map((c) => ({ key: c.key, header: c.header, optional: c.optional })),
    )
  } catch (e) {
    await table.close()
    throw e
  }
  const key = JSON.stringify([...indexOf])
  let normalizeRow = normalizers?.get(key)
  if (!normalizeRow) {
    normalizeRow = buildRowNormalizer(source, indexOf, jurisdiction)
    normalizers?.set(key, normalizeRow)
  }
  const normalize = normalizeRow
  async function* batches(): AsyncGenerator<NormalizedBatch> {
    for await (const batch of table.batches) {
      const records: unknown[][] = []
      const rejects: Reject[] = []
      for (const row of batch) {
        if ('problem' in row) {
          const p = row.problem
          rejects.push({
            line: row.line,
            column: p.column ?? null,
            code: p.code,
            reason: p.reason,
            raw: p.raw,
          })
          continue
        }
        const outcome = normalize(row.cells, row.line)
        if (!outcome.ok) {
          rejects.push(outcome.reject)
          continue
        }
        for (const r of outcome.records) records.push(toRecordRow(0, r, row.raw))
      }
      yield { records, rejects, rowsRead: batch.length, bytesDone }
    }
  }
  return { header: table.header, indexOf, bytes: table.bytes, batches: batches(), close: () => table.close() }
}
