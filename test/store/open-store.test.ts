import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreOpenError } from '../../src/errors/store-errors.js'
import { openStore, rowsPerStatement, type Store } from '../../src/store/open-store.js'

const dirs: string[] = []
const stores: Store[] = []
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bidui-store-'))
  dirs.push(d)
  return d
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('opening the store', () => {
  it('creates a new store file readable by its owner only', async () => {
    const file = path.join(tempDir(), 'new.db')
    stores.push(await openStore(file))
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it("creates new stores with 8 KiB pages and leaves an existing store's page size alone", async () => {
    const file = path.join(tempDir(), 'pages.db')
    const fresh = await openStore(file)
    const pageSize = async (s: Store) =>
      (await sql<{ page_size: number }>`pragma page_size`.execute(s.db)).rows[0]?.page_size
    expect(await pageSize(fresh)).toBe(8192)
    await fresh.close()
    const older = path.join(tempDir(), 'older.db')
    const made = new SqliteDatabase(older)
    made.pragma('page_size = 4096')
    made.exec('create table t (x)')
    made.close()
    const reopened = await openStore(older)
    stores.push(reopened)
    expect(await pageSize(reopened)).toBe(4096)
  })

  it('migrates once and reopens an existing store without migrating again', async () => {
    const file = path.join(tempDir(), 'twice.db')
    const first = await openStore(file)
    await first.db
      .insertInto('run')
      .values({
        pipeline: 'p',
        county: '410105',
        period: '2026-10',
        command: 'ingest',
        started_at: 'x',
        finished_at: null,
        status: 'running',
      })
      .execute()
    await first.close()
    const second = await openStore(file)
    stores.push(second)
    const runs = await second.db.selectFrom('run').selectAll().execute()
    expect(runs).toHaveLength(1)
  })

  it('rolls bulk inserts back with the transaction that holds them', async () => {
    const store = await openStore(':memory:')
    stores.push(store)
    await expect(
      store.db.transaction().execute(async (trx) => {
        store.insertRows(
          trx,
          'run',
          ['pipeline', 'county', 'period', 'command', 'started_at', 'status'],
          [
            ['p', '410105', '2026-10', 'ingest', 'x', 'running'],
            ['p', '410105', '2026-11', 'ingest', 'x', 'running'],
          ],
        )
        expect(await trx.selectFrom('run').selectAll().execute()).toHaveLength(2)
        throw new Error('fail mid-file')
      }),
    ).rejects.toThrow('fail mid-file')
    expect(await store.db.selectFrom('run').selectAll().execute()).toHaveLength(0)
  })

  it.each([0, 1, rowsPerStatement - 1, rowsPerStatement, rowsPerStatement + 1, 3 * rowsPerStatement + 5])(
    'bulk-inserts exactly the %i rows given, each value in its column, in order',
    async (n) => {
      const store = await openStore(':memory:')
      stores.push(store)
      const columns = ['pipeline', 'county', 'period', 'command', 'started_at', 'finished_at', 'status']
      const rows = Array.from({ length: n }, (_, i) => [
        `p${i}`,
        '410105',
        '2026-10',
        'ingest',
        `t${i}`,
        i % 2 ? null : `f${i}`,
        'ok',
      ])
      await store.db.transaction().execute(async (trx) => store.insertRows(trx, 'run', columns, rows))
      const stored = await store.db.selectFrom('run').selectAll().orderBy('id').execute()
      expect(
        stored.map((r) => [r.pipeline, r.county, r.period, r.command, r.started_at, r.finished_at, r.status]),
      ).toEqual(rows)
    },
  )

  it('refuses a bulk row with the wrong number of values instead of shifting the rest', async () => {
    const store = await openStore(':memory:')
    stores.push(store)
    const rows = Array.from({ length: rowsPerStatement }, (_, i) => [`p${i}`, 'c'])
    rows[3] = ['p3']
    await expect(
      store.db
        .transaction()
        .execute(async (trx) => store.insertRows(trx, 'run', ['pipeline', 'county'], rows)),
    ).rejects.toThrow(/a row has 1 values, not 2/)
  })

  it('refuses a folder that does not exist, saying how to fix it', async () => {
    const err = await openStore(path.join(tempDir(), 'no', 'such', 'dir', 'x.db')).catch((e) => e)
    expect(err).toBeInstanceOf(StoreOpenError)
    expect(err.code).toBe('STORE_OPEN_FAILED')
    expect(err.hint).toMatch(/folder exists/)
  })
})
