import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql, type Transaction } from 'kysely'
import { StoreBusyError } from '../errors/store-busy-error.js'
import { StoreMigrationError, StoreOpenError } from '../errors/store-errors.js'
import type { Database } from './database.js'
import { allMigrations } from './migrations/all-migrations.js'
import { AmbientTransaction, NestingDialect } from './nesting-dialect.js'
import { markInterruptedRuns } from './runs.repository.js'
import type { StoreCapabilities } from './store-capabilities.js'

/** The store: Kysely for queries and schema, plus a bulk path for million-row loads. */
export interface Store {
  readonly db: Kysely<Database>
  readonly caps: StoreCapabilities
  /** What the user gave (a file path); never contains credentials. */
  readonly location: string
  /**
   * Inserts many rows inside `trx` as fast as the engine allows. Rows are positional in
   * `columns` order. Kysely's row-by-row inserts are 6–8× slower than a compiled-once
   * prepared statement, so million-row paths come here.
   */
  insertRows(
    trx: Transaction<Database>,
    table: keyof Database,
    columns: readonly string[],
    rows: readonly unknown[][],
  ): void
  /**
   * Runs `fn` in one transaction that every query of `db` joins while it runs: its writes
   * become visible together when `fn` resolves, or not at all (an error rolls back; a killed
   * process never commits). A Kysely `db.transaction()` inside becomes a savepoint, so code
   * that keeps its own transaction (ingest per file, link's replace) nests unchanged; a nested
   * `transaction` call is a savepoint too. SQLite takes the write lock at the start (BEGIN
   * IMMEDIATE), so two runs never interleave. The store serves one caller while it is open:
   * anything else using `db` meanwhile would join it.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export const defaultStoreLocation = 'bidui.db'

/** SQLite page cache (KiB) outside and inside store.transaction (a whole run). */
const cacheKiB = 128 << 10
const runCacheKiB = 1 << 20

/**
 * Opens (creating if needed) the store and migrates it to the latest schema. This is the only
 * file that names a dialect. A new SQLite file is created readable by its owner only: it holds
 * a population's personal data.
 */
export async function openStore(location: string = defaultStoreLocation): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new StoreOpenError(
      'postgres://…',
      'PostgreSQL stores are not supported yet',
      'Use a SQLite file path with --db (the default is bidui.db); PostgreSQL support is tracked in issue 6.',
    )
  }
  let raw: SqliteDatabase.Database
  try {
    const created = location === ':memory:' || !existsSync(location)
    if (location !== ':memory:' && created) {
      closeSync(openSync(location, 'a', 0o600))
      chmodSync(location, 0o600)
    }
    raw = new SqliteDatabase(location)
    // 8 KiB pages for new stores: a million-record ingest spends about 13 % less CPU in
    // SQLite than with 4 KiB pages (records are ~450 bytes; fewer page splits and WAL
    // frames). Only possible before the first table exists; older stores keep their size.
    if (created) raw.pragma('page_size = 8192')
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    raw.pragma(`cache_size = -${cacheKiB}`)
    raw.pragma('temp_store = MEMORY')
    raw.pragma('busy_timeout = 10000')
  } catch (e) {
    throw new StoreOpenError(
      location,
      e instanceof Error ? e.message : String(e),
      'Check that the folder exists and is writable, and that the file is a bidui SQLite store.',
      e,
    )
  }
  const caps: StoreCapabilities = {
    dialect: 'sqlite',
    idColumn: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() },
  }
  const ambient = new AmbientTransaction()
  const db = new Kysely<Database>({
    dialect: new NestingDialect(new SqliteDialect({ database: raw }), ambient),
  })
  await migrate(db, caps, location)
  // Another process writing (a run in progress) must not make this open fail: the next open
  // marks them.
  await markInterruptedRuns(db, new Date()).catch((e: unknown) => {
    if (!isBusy(e)) throw e
  })

  const inserters = new Map<string, (rows: readonly unknown[][]) => void>()
  return {
    db,
    caps,
    location,
    // SQLite has one connection: the raw statement runs inside the Kysely transaction `trx`
    // holds open on it, so a failure still rolls everything back.
    insertRows(_trx, table, columns, rows) {
      const key = `${table}(${columns.join(',')})`
      let insert = inserters.get(key)
      if (!insert) {
        insert = multiRowInserter(raw, table, columns)
        inserters.set(key, insert)
      }
      insert(rows)
    },
    transaction: async (fn) => {
      if (ambient.open) return ambientTransaction(db, ambient, 'begin immediate', fn, location)
      // A run's transaction holds every page it wrote until it commits. At 128 MiB the cache
      // fills with ingest's dirty pages and linking must spill one to the WAL for every page
      // it reads: storing a 100,000-person linkage took 31 s of CPU instead of 1 s. Pages are
      // allocated as used, so the larger limit costs memory only in a large run.
      raw.pragma(`cache_size = -${runCacheKiB}`)
      try {
        return await ambientTransaction(db, ambient, 'begin immediate', fn, location)
      } finally {
        raw.pragma(`cache_size = -${cacheKiB}`)
      }
    },
    async close() {
      await db.destroy()
    },
  }
}

/**
 * store.transaction: `begin` (or a savepoint when one is already open) as a plain query on the
 * one connection, `fn`, then commit or roll back. PostgreSQL will pass plain 'begin'.
 */
async function ambientTransaction<T>(
  db: Kysely<Database>,
  ambient: AmbientTransaction,
  begin: string,
  fn: () => Promise<T>,
  location: string,
): Promise<T> {
  if (ambient.open) {
    const name = ambient.push()
    await sql.raw(`savepoint ${name}`).execute(db)
    try {
      const r = await fn()
      await sql.raw(`release savepoint ${name}`).execute(db)
      return r
    } catch (e) {
      await sql.raw(`rollback to savepoint ${name}`).execute(db)
      await sql.raw(`release savepoint ${name}`).execute(db)
      throw e
    } finally {
      ambient.pop()
    }
  }
  try {
    await sql.raw(begin).execute(db)
  } catch (e) {
    throw isBusy(e) ? new StoreBusyError(location, e) : e
  }
  ambient.open = true
  try {
    const r = await fn()
    await sql.raw('commit').execute(db)
    return r
  } catch (e) {
    // A failed commit leaves the transaction open; roll it back. A rollback that fails too
    // (the transaction is already gone) must not hide the first error.
    await sql
      .raw('rollback')
      .execute(db)
      .catch(() => undefined)
    throw e
  } finally {
    ambient.reset()
  }
}

/** SQLite's 'database is locked' after the busy timeout. */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

async function migrate(db: Kysely<Database>, caps: StoreCapabilities, location: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations(caps) },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    await db.destroy()
    throw new StoreMigrationError(location, failed, error)
  }
}

/**
 * Rows per INSERT statement on the bulk path. better-sqlite3 pays a fixed cost per `run` call
 * (about 3 µs on the 14-column record row); one statement of 32 rows spreads it over the rows:
 * 1M records insert at about 3 µs each instead of 6–8 µs. Beyond 32 rows the gain stops
 * (SQLite limits a statement to 32,766 bound values).
 */
export const rowsPerStatement = 32

/**
 * Inserts positional rows with one prepared statement of `rowsPerStatement` rows and a
 * one-row statement for the remainder. Both are prepared once per table and column list.
 */
function multiRowInserter(
  raw: SqliteDatabase.Database,
  table: string,
  columns: readonly string[],
): (rows: readonly unknown[][]) => void {
  const names = columns.map((c) => `"${c}"`).join(', ')
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const one = raw.prepare(`insert into "${table}" (${names}) values ${tuple}`)
  const width = columns.length
  const per = Math.max(1, Math.min(rowsPerStatement, Math.floor(32766 / width)))
  let many: SqliteDatabase.Statement | undefined
  const values: unknown[] = new Array(per * width)
  return (rows) => {
    let i = 0
    if (rows.length >= per) {
      many ??= raw.prepare(
        `insert into "${table}" (${names}) values ${new Array(per).fill(tuple).join(', ')}`,
      )
      for (; i + per <= rows.length; i += per) {
        let k = 0
        for (let j = i; j < i + per; j++) {
          const row = rows[j] as unknown[]
          if (row.length !== width)
            throw new Error(`bulk insert into ${table}: a row has ${row.length} values, not ${width}`)
          for (let c = 0; c < width; c++) values[k++] = row[c]
        }
        many.run(values)
      }
    }
    for (; i < rows.length; i++) one.run(rows[i] as unknown[])
  }
}
