import type { Kysely, Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'

/**
 * Cases across months (issue 5): the months tracked, each month's snapshot of cases with their
 * status and decision, every case's first and last month, and the append-only audit log of
 * decisions. Schema-builder only (no engine-specific SQL) so PostgreSQL runs it unchanged;
 * flags are integers 0/1 so both engines return the same values.
 */
export function casesMigration(caps: StoreCapabilities): Migration {
  const id = caps.idColumn
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('case_snapshot')
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('previous_period', 'text')
        .addColumn('tracked_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_snapshot_key', ['pipeline', 'county', 'period'])
        .execute()

      await db.schema
        .createTable('case_period')
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('case_key', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('check_id', 'text', (c) => c.notNull())
        .addColumn('check_name', 'text', (c) => c.notNull())
        .addColumn('community', 'text')
        .addColumn('review', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('decision', 'text')
        .addColumn('decision_id', 'integer')
        .addColumn('evidence_changed', 'integer', (c) => c.notNull())
        .addColumn('reopened', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('case_period_key', ['pipeline', 'county', 'period', 'case_key'])
        .execute()
      await db.schema
        .createIndex('case_period_case')
        .on('case_period')
        .columns(['pipeline', 'county', 'case_key'])
        .execute()

      await db.schema
        .createTable('tracked_case')
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('case_key', 'text', (c) => c.notNull())
        .addColumn('check_id', 'text', (c) => c.notNull())
        .addColumn('first_period', 'text', (c) => c.notNull())
        .addColumn('last_period', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tracked_case_key', ['pipeline', 'county', 'case_key'])
        .execute()

      await db.schema
        .createTable('case_decision')
        .addColumn('id', id.type, id.build)
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('case_key', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('previous_decision', 'text')
        .addColumn('evidence', 'text')
        .addColumn('via', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_decision_case')
        .on('case_decision')
        .columns(['pipeline', 'county', 'case_key'])
        .execute()
    },
  }
}
