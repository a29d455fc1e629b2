import type { Kysely, Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'

/** Runs, source files, records and rejects (issue 2). */
export function initialMigration(caps: StoreCapabilities): Migration {
  const id = caps.idColumn
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('run')
        .addColumn('id', id.type, id.build)
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('source_file')
        .addColumn('id', id.type, id.build)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('run.id'))
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('rows_read', 'integer', (c) => c.notNull())
        .addColumn('records_stored', 'integer', (c) => c.notNull())
        .addColumn('rows_rejected', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull())
        .addUniqueConstraint('source_file_once', ['pipeline', 'county', 'period', 'source', 'sha256'])
        .execute()

      await db.schema
        .createTable('record')
        .addColumn('id', id.type, id.build)
        .addColumn('file_id', 'integer', (c) => c.notNull().references('source_file.id'))
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('id_norm', 'text')
        .addColumn('id_status', 'text', (c) => c.notNull())
        .addColumn('name_norm', 'text')
        .addColumn('name_pinyin', 'text')
        .addColumn('sex', 'text')
        .addColumn('birth_date', 'text')
        .addColumn('community', 'text')
        .addColumn('event_type', 'text')
        .addColumn('event_date', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .execute()
      // One index, in insertion order (cheap to maintain during bulk loads). Matching reads
      // records by sorted scans of its own, so no per-field indexes are kept here.
      await db.schema.createIndex('record_file').on('record').columns(['file_id', 'line']).execute()

      await db.schema
        .createTable('reject')
        .addColumn('id', id.type, id.build)
        .addColumn('file_id', 'integer', (c) => c.notNull().references('source_file.id'))
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('column_name', 'text')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('reject_file').on('reject').columns(['file_id', 'line']).execute()
    },
  }
}
