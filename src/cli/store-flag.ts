import { existsSync } from 'node:fs'
import { StoreOpenError } from '../errors/store-errors.js'

/**
 * Refuses a `--db` that does not exist before a command that reads a month opens it: opening
 * would create an empty store, and the command would report zero records instead of the mistake.
 * @param hint what to run first, e.g. "Ingest the month first (bidui ingest …)"
 */
export function requireExistingStore(db: string, hint: string): void {
  if (db !== ':memory:' && !existsSync(db)) {
    throw new StoreOpenError(db, 'the file does not exist', `${hint} or give the store with --db.`)
  }
}
