import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreBusyError } from '../../src/errors/store-busy-error.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import { markInterruptedRuns, reportsTokenCommitted, startRun } from '../../src/store/runs.repository.js'

const dirs: string[] = []
const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
async function freshStore(): Promise<{ store: Store; file: string }> {
  const d = mkdtempSync(path.join(tmpdir(), 'bidui-txn-'))
  dirs.push(d)
  const file = path.join(d, 'store.db')
  const store = await openStore(file)
  stores.push(store)
  return { store, file }
}
const run = (period: string) => ({
  pipeline: 'p',
  county: '410105',
  period,
  command: 'run',
  now: new Date(0),
})
const periods = async (s: Store) =>
  (await s.db.selectFrom('run').select('period').orderBy('id').execute()).map((r) => r.period)

describe('store.transaction', () => {
  it('makes every write of the run visible together, Kysely transactions inside included', async () => {
    const { store, file } = await freshStore()
    await store.transaction(async () => {
      await startRun(store.db, run('2026-01'))
      await store.db.transaction().execute(async (trx) => {
        await startRun(trx, run('2026-02'))
        store.insertRows(
          trx,
          'run',
          ['pipeline', 'county', 'period', 'command', 'started_at', 'status'],
          [['p', '410105', '2026-03', 'ingest', 'x', 'succeeded']],
        )
      })
      // A second connection (as another process would open it) sees nothing before the commit.
      const other = await openStore(file)
      expect(await periods(other)).toEqual([])
      await other.close()
    })
    expect(await periods(store)).toEqual(['2026-01', '2026-02', '2026-03'])
  }, 30_000)

  it('rolls everything back when the run fails, including inner transactions that committed', async () => {
    const { store } = await freshStore()
    await expect(
      store.transaction(async () => {
        await startRun(store.db, run('2026-01'))
        await store.db.transaction().execute((trx) => startRun(trx, run('2026-02')))
        throw new Error('stage failed')
      }),
    ).rejects.toThrow('stage failed')
    expect(await periods(store)).toEqual([])
    // The store is usable afterwards, outside any transaction.
    await startRun(store.db, run('2026-04'))
    expect(await periods(store)).toEqual(['2026-04'])
  })

  it('rolls back only a failed inner transaction (a savepoint) and keeps the rest of the run', async () => {
    const { store } = await freshStore()
    await store.transaction(async () => {
      await startRun(store.db, run('2026-01'))
      await expect(
        store.db.transaction().execute(async (trx) => {
          await startRun(trx, run('2026-02'))
          throw new Error('file failed')
        }),
      ).rejects.toThrow('file failed')
      await store.transaction(async () => {
        await startRun(store.db, run('2026-03'))
      })
      await expect(
        store.transaction(async () => {
          await startRun(store.db, run('2026-05'))
          throw new Error('nested failed')
        }),
      ).rejects.toThrow('nested failed')
    })
    expect(await periods(store)).toEqual(['2026-01', '2026-03'])
  })

  it('tells a second writer the store is busy (STORE_BUSY) while a run holds it', async () => {
    const { store, file } = await freshStore()
    const other = await openStore(file)
    stores.push(other)
    await sql`pragma busy_timeout = 50`.execute(other.db)
    await store.transaction(async () => {
      await startRun(store.db, run('2026-01'))
      const err = await other.transaction(async () => undefined).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(StoreBusyError)
      expect((err as StoreBusyError).code).toBe('STORE_BUSY')
    })
    // Once the run has committed, the other writer goes ahead.
    await other.transaction(() => startRun(other.db, run('2026-02')))
    expect(await periods(other)).toEqual(['2026-01', '2026-02'])
  })

  it('leaves standalone Kysely transactions as they were (their own begin and commit)', async () => {
    const { store } = await freshStore()
    await store.db.transaction().execute((trx) => startRun(trx, run('2026-01')))
    await expect(
      store.db.transaction().execute(async (trx) => {
        await startRun(trx, run('2026-02'))
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    expect(await periods(store)).toEqual(['2026-01'])
  })
})

describe('runs left running', () => {
  it('marks runs of dead processes of this host interrupted, and leaves live ones and other hosts alone', async () => {
    const { store } = await freshStore()
    const insert = (pid: number | null, host: string | null) =>
      store.db
        .insertInto('run')
        .values({
          pipeline: 'p',
          county: '410105',
          period: '2026-10',
          command: 'ingest',
          started_at: 'x',
          status: 'running',
          pid,
          host,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const dead = await insert(111, 'here')
    const alive = await insert(222, 'here')
    const elsewhere = await insert(333, 'there')
    const old = await insert(null, null)
    const marked = await markInterruptedRuns(store.db, new Date(0), (pid) => pid === 222, 'here')
    expect(marked).toBe(2)
    const status = async (id: number) =>
      (await store.db.selectFrom('run').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status
    expect(await status(dead.id)).toBe('interrupted')
    expect(await status(alive.id)).toBe('running')
    expect(await status(elsewhere.id)).toBe('running')
    expect(await status(old.id)).toBe('interrupted')
  })

  it('knows a report token only once its run succeeded', async () => {
    const { store } = await freshStore()
    const id = await startRun(store.db, { ...run('2026-10'), reportsToken: 'abc' })
    expect(await reportsTokenCommitted(store.db, 'abc')).toBe(false)
    await store.db.updateTable('run').set({ status: 'succeeded' }).where('id', '=', id).execute()
    expect(await reportsTokenCommitted(store.db, 'abc')).toBe(true)
    expect(await reportsTokenCommitted(store.db, 'abd')).toBe(false)
  })
})
