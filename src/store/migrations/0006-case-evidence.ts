import type { Kysely, Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'

/**
 * A case's evidence per month (issue 7, item 4): its records, the deciding pair's probability
 * and per-comparison contributions as JSON (CaseEvidence), so `bidui serve` shows them without
 * re-running the month. Nullable: months tracked before this migration have none. Schema
 * builder only, so PostgreSQL runs it unchanged.
 */
export function caseEvidenceMigration(_caps: StoreCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('case_period').addColumn('evidence_detail', 'text').execute()
    },
  }
}
