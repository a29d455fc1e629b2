import type { Kysely, Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'

/**
 * A period's linkage (issue 4): the link run with its model and expected errors, the accepted
 * and review pairs, each record's person, stable persons and their merges and splits. No
 * foreign key points at `record`: ingest may replace a file's records, and a linkage left
 * stale by that is detected from `link_run.files`, not refused by the database.
 */
export function linkageMigration(caps: StoreCapabilities): Migration {
  const id = caps.idColumn
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('link_run')
        .addColumn('id', id.type, id.build)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('run.id'))
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('stats', 'text', (c) => c.notNull())
        .addColumn('expected_error', 'text', (c) => c.notNull())
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('candidate_pairs', 'bigint', (c) => c.notNull())
        .addColumn('accepted', 'integer', (c) => c.notNull())
        .addColumn('review', 'integer', (c) => c.notNull())
        .addColumn('persons', 'integer', (c) => c.notNull())
        .addUniqueConstraint('link_run_once', ['pipeline', 'county', 'period'])
        .execute()

      await db.schema
        .createTable('person')
        .addColumn('id', 'bigint', (c) => c.primaryKey())
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('first_period', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('link_pair')
        .addColumn('link_run_id', 'integer', (c) => c.notNull().references('link_run.id'))
        .addColumn('left_record_id', 'integer', (c) => c.notNull())
        .addColumn('right_record_id', 'integer', (c) => c.notNull())
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('match_weight', 'double precision', (c) => c.notNull())
        .addColumn('probability', 'double precision', (c) => c.notNull())
        .addColumn('levels', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('link_pair_run').on('link_pair').columns(['link_run_id', 'band']).execute()

      await db.schema
        .createTable('record_person')
        .addColumn('link_run_id', 'integer', (c) => c.notNull().references('link_run.id'))
        .addColumn('record_id', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('person.id'))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_person_key', ['link_run_id', 'record_id'])
        .execute()
      await db.schema
        .createIndex('record_person_person')
        .on('record_person')
        .columns(['person_id', 'link_run_id'])
        .execute()

      await db.schema
        .createTable('person_event')
        .addColumn('id', id.type, id.build)
        .addColumn('link_run_id', 'integer', (c) => c.notNull().references('link_run.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('person.id'))
        .addColumn('other_person_id', 'bigint', (c) => c.notNull().references('person.id'))
        .addColumn('records', 'integer', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('person_event_run').on('person_event').columns(['link_run_id']).execute()
    },
  }
}
