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
        .addUniqueConstraint('source_file_once', ['pipeline', 'county', 'period', 'source', 'sha256'])
        .execute()

      await db.schema
        .createTable('record')
        .addColumn('id', id.type, id.build)
        .addColumn('file_id', 'integer', (c) => c.notNull().references('source_file.id'))
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('record_no', 'text')
        .addColumn('doc_no', 'text')
        .addColumn('event_type', 'text')
        .addColumn('event_date', 'text')
        .addColumn('event_place', 'text')
        .addColumn('event_reason', 'text')
        .addColumn('id_raw', 'text')
        .addColumn('id_norm', 'text')
        .addColumn('id_status', 'text', (c) => c.notNull())
        .addColumn('name_raw', 'text')
        .addColumn('name_norm', 'text')
        .addColumn('name_pinyin', 'text')
        .addColumn('former_name', 'text')
        .addColumn('sex', 'text')
        .addColumn('birth_raw', 'text')
        .addColumn('birth_date', 'text')
        .addColumn('birth_status', 'text', (c) => c.notNull())
        .addColumn('marital_status', 'text')
        .addColumn('household_no', 'text')
        .addColumn('relation_to_head', 'text')
        .addColumn('address', 'text')
        .addColumn('residence', 'text')
        .addColumn('community', 'text')
        .addColumn('category', 'text')
        .addColumn('status', 'text')
        .addColumn('status_reason', 'text')
        .addColumn('phone', 'text')
        .addColumn('raw', 'text', (c) => c.notNull())
        .execute()
      // Indexes are built after the bulk load would be faster, but a store must be usable after
      // every ingest; these two serve the lookups every later stage makes.
      await db.schema.createIndex('record_file').on('record').columns(['file_id', 'line']).execute()
      await db.schema.createIndex('record_id_norm').on('record').column('id_norm').execute()

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
