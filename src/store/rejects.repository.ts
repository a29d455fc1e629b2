import type { Kysely, Transaction } from 'kysely'
import type { Reject } from '../ingest/reject.js'
import type { Database } from './database.js'
import type { Store } from './open-store.js'

const rejectColumns = ['file_id', 'line', 'column_name', 'code', 'reason', 'raw'] as const

export function insertRejects(
  store: Store,
  trx: Transaction<Database>,
  fileId: number,
  rejects: readonly Reject[],
): void {
  store.insertRows(
    trx,
    'reject',
    rejectColumns,
    rejects.map((r) => [fileId, r.line, r.column, r.code, r.reason, r.raw]),
  )
}

export interface RejectListing {
  readonly source: string
  readonly path: string
  readonly line: number
  readonly column: string | null
  readonly code: string
  readonly reason: string
  readonly raw: string
}

/** Every reject of a pipeline's period, in file then line order. */
export async function listRejects(
  db: Kysely<Database>,
  q: { pipeline: string; county: string; period: string },
): Promise<RejectListing[]> {
  return db
    .selectFrom('reject')
    .innerJoin('source_file', 'source_file.id', 'reject.file_id')
    .select([
      'source_file.source as source',
      'source_file.path as path',
      'reject.line as line',
      'reject.column_name as column',
      'reject.code as code',
      'reject.reason as reason',
      'reject.raw as raw',
    ])
    .where('source_file.pipeline', '=', q.pipeline)
    .where('source_file.county', '=', q.county)
    .where('source_file.period', '=', q.period)
    .orderBy('source_file.source')
    .orderBy('source_file.path')
    .orderBy('reject.line')
    .execute()
}
