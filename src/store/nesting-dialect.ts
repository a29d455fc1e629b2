import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely'

/**
 * The store's ambient transaction: while one is open (store.transaction), every query of
 * `store.db` runs inside it, and a Kysely `db.transaction()` anywhere in the code becomes a
 * savepoint of it. Code written for its own transaction (ingest's per file, link's replace)
 * therefore joins a whole run's transaction without knowing about it.
 *
 * This relies on the store using one connection at a time: SQLite has a single connection
 * (Kysely serializes it with a mutex); a PostgreSQL store must hold one connection for the run
 * (a pool of size 1, no idle timeout) so the `begin` and every later query meet on it.
 */
export class AmbientTransaction {
  /** Whether an ambient transaction is open. */
  open = false
  /** Open savepoints, innermost last: Kysely transactions and nested store.transaction calls. */
  private readonly savepoints: string[] = []
  private counter = 0

  push(): string {
    const name = `bidui_sp_${++this.counter}`
    this.savepoints.push(name)
    return name
  }

  pop(): string | undefined {
    return this.savepoints.pop()
  }

  get nested(): boolean {
    return this.savepoints.length > 0
  }

  reset(): void {
    this.open = false
    this.savepoints.length = 0
  }
}

/** Wraps a dialect so that its driver turns transactions into savepoints inside an ambient one. */
export class NestingDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly ambient: AmbientTransaction,
  ) {}
  createDriver(): Driver {
    return new NestingDriver(this.inner.createDriver(), this.ambient)
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler()
  }
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter()
  }
  // biome-ignore lint/suspicious/noExplicitAny: Dialect's own signature takes Kysely<any>
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db)
  }
}

// SQLite and PostgreSQL spell savepoints the same way.
const raw = (q: string) => CompiledQuery.raw(q)

class NestingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly ambient: AmbientTransaction,
  ) {}
  init(): Promise<void> {
    return this.inner.init()
  }
  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection()
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (!this.ambient.open) return this.inner.beginTransaction(connection, settings)
    await connection.executeQuery(raw(`savepoint ${this.ambient.push()}`))
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.ambient.nested) return this.inner.commitTransaction(connection)
    await connection.executeQuery(raw(`release savepoint ${this.ambient.pop()}`))
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.ambient.nested) return this.inner.rollbackTransaction(connection)
    const name = this.ambient.pop()
    // ROLLBACK TO keeps the savepoint open; release it so the stack matches the engine's.
    await connection.executeQuery(raw(`rollback to savepoint ${name}`))
    await connection.executeQuery(raw(`release savepoint ${name}`))
  }
  savepoint: Driver['savepoint'] = (c, name, compile) => {
    if (!this.inner.savepoint) throw new Error('savepoints are not supported by this driver')
    return this.inner.savepoint(c, name, compile)
  }
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, name, compile) => {
    if (!this.inner.rollbackToSavepoint) throw new Error('savepoints are not supported by this driver')
    return this.inner.rollbackToSavepoint(c, name, compile)
  }
  releaseSavepoint: Driver['releaseSavepoint'] = (c, name, compile) => {
    if (!this.inner.releaseSavepoint) throw new Error('savepoints are not supported by this driver')
    return this.inner.releaseSavepoint(c, name, compile)
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection)
  }
  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}
