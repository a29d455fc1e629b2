import type { Kysely, Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'

/**
 * Run integrity (issue 5): which process a run belongs to, so a run left 'running' by a killed
 * process can be told from one still at work and marked 'interrupted'; and the token of the
 * report commit a `bidui run` prepared, so the next run knows whether to complete it (the token
 * is in the store: the run committed) or discard it (it is not).
 */
export function runIntegrityMigration(_caps: StoreCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // SQLite adds one column per ALTER TABLE.
      await db.schema.alterTable('run').addColumn('pid', 'integer').execute()
      await db.schema.alterTable('run').addColumn('host', 'text').execute()
      await db.schema.alterTable('run').addColumn('reports_token', 'text').execute()
      await db.schema.createIndex('run_status').on('run').column('status').execute()
    },
  }
}
