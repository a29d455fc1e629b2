import type { Migration } from 'kysely'
import type { StoreCapabilities } from '../store-capabilities.js'
import { initialMigration } from './0001-initial.js'
import { linkageMigration } from './0002-linkage.js'
import { casesMigration } from './0003-cases.js'
import { runIntegrityMigration } from './0004-run-integrity.js'
import { caseListIndexesMigration } from './0005-case-list-indexes.js'
import { caseEvidenceMigration } from './0006-case-evidence.js'

/**
 * Every schema migration, by name in the order they apply (Kysely sorts the names). New
 * migrations are added here and nowhere else, so open-store never changes for a schema change.
 */
export function allMigrations(caps: StoreCapabilities): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(caps),
    '0002-linkage': linkageMigration(caps),
    '0003-cases': casesMigration(caps),
    '0004-run-integrity': runIntegrityMigration(caps),
    '0005-case-list-indexes': caseListIndexesMigration(caps),
    '0006-case-evidence': caseEvidenceMigration(caps),
  }
}
