import type { Kysely, Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'

/**
 * The indexes the case list of `bidui serve` pages along (issue 7): a month's cases in report
 * order, overall and per status, so a page of 50 out of 50,000 cases is an index range scan.
 */
export function caseListIndexesMigration(_caps: StoreCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('case_period_list')
        .ifNotExists()
        .on('case_period')
        .columns(['pipeline', 'county', 'period', 'seq'])
        .execute()
      await db.schema
        .createIndex('case_period_list_status')
        .ifNotExists()
        .on('case_period')
        .columns(['pipeline', 'county', 'period', 'status', 'seq'])
        .execute()
    },
  }
}
