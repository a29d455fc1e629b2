import Database from 'better-sqlite3'

/**
 * Runs one query on a store a CLI test wrote, read-only and closed right after, so the test
 * never holds a lock the next spawned command would wait on.
 */
export function queryStore<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}
