import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database.js'
import type { NewSourceFile, SourceFileRow } from './tables/source-file.table.js'

export interface SourceFileKey {
  readonly pipeline: string
  readonly county: string
  readonly period: string
  readonly source: string
}

/** The ingested file of this source and period with this content, if any. */
export async function findIngestedFile(
  db: Kysely<Database>,
  key: SourceFileKey & { sha256: string },
): Promise<SourceFileRow | undefined> {
  return db
    .selectFrom('source_file')
    .selectAll()
    .where('pipeline', '=', key.pipeline)
    .where('county', '=', key.county)
    .where('period', '=', key.period)
    .where('source', '=', key.source)
    .where('sha256', '=', key.sha256)
    .executeTakeFirst()
}

/**
 * Removes an earlier ingest of the same path for this source and period whose content
 * differs (a corrected re-export replaces the old one, so a month is never counted twice).
 * Returns how many files were replaced.
 */
export async function deleteReplacedFiles(
  trx: Transaction<Database>,
  key: SourceFileKey & { path: string },
): Promise<number> {
  const old = await trx
    .selectFrom('source_file')
    .select('id')
    .where('pipeline', '=', key.pipeline)
    .where('county', '=', key.county)
    .where('period', '=', key.period)
    .where('source', '=', key.source)
    .where('path', '=', key.path)
    .execute()
  const ids = old.map((o) => o.id)
  if (ids.length === 0) return 0
  await trx.deleteFrom('record').where('file_id', 'in', ids).execute()
  await trx.deleteFrom('reject').where('file_id', 'in', ids).execute()
  await trx.deleteFrom('source_file').where('id', 'in', ids).execute()
  return ids.length
}

export async function insertSourceFile(trx: Transaction<Database>, row: NewSourceFile): Promise<number> {
  const inserted = await trx.insertInto('source_file').values(row).returning('id').executeTakeFirstOrThrow()
  return inserted.id
}

export async function updateSourceFileCounts(
  trx: Transaction<Database>,
  id: number,
  counts: { rows_read: number; records_stored: number; rows_rejected: number },
): Promise<void> {
  await trx.updateTable('source_file').set(counts).where('id', '=', id).execute()
}

/** Per-source totals of a pipeline's period, for summaries. */
export async function summarizePeriod(
  db: Kysely<Database>,
  q: { pipeline: string; county: string; period: string },
): Promise<
  { source: string; files: number; rows_read: number; records_stored: number; rows_rejected: number }[]
> {
  const rows = await db
    .selectFrom('source_file')
    .select((eb) => [
      'source',
      eb.fn.countAll<number>().as('files'),
      eb.fn.sum<number>('rows_read').as('rows_read'),
      eb.fn.sum<number>('records_stored').as('records_stored'),
      eb.fn.sum<number>('rows_rejected').as('rows_rejected'),
    ])
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '=', q.period)
    .groupBy('source')
    .orderBy('source')
    .execute()
  return rows.map((r) => ({
    source: r.source,
    files: Number(r.files),
    rows_read: Number(r.rows_read),
    records_stored: Number(r.records_stored),
    rows_rejected: Number(r.rows_rejected),
  }))
}
