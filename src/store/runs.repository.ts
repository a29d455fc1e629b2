import os from 'node:os'
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/** Records the start of a run; the caller finishes it with `finishRun`. */
export async function startRun(
  db: Kysely<Database>,
  run: {
    pipeline: string
    county: string
    period: string
    command: string
    now: Date
    /** `bidui run`: the token of the report commit it prepares (report-commit.ts). */
    reportsToken?: string
  },
): Promise<number> {
  const row = await db
    .insertInto('run')
    .values({
      pipeline: run.pipeline,
      county: run.county,
      period: run.period,
      command: run.command,
      started_at: run.now.toISOString(),
      finished_at: null,
      status: 'running',
      // So that a later open can tell a run whose process died from one still at work.
      pid: process.pid,
      host: os.hostname(),
      reports_token: run.reportsToken ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function finishRun(
  db: Kysely<Database>,
  id: number,
  status: 'succeeded' | 'failed',
  now: Date,
): Promise<void> {
  await db.updateTable('run').set({ status, finished_at: now.toISOString() }).where('id', '=', id).execute()
}

/** Whether a committed run holds this report-commit token: the store's vote on that commit. */
export async function reportsTokenCommitted(db: Kysely<Database>, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('run')
    .select('id')
    .where('reports_token', '=', token)
    .where('status', '=', 'succeeded')
    .executeTakeFirst()
  return row !== undefined
}

/** Whether process `pid` of this host is alive (signal 0 tests without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Marks as 'interrupted' the runs left 'running' by a process that no longer exists: a SIGKILL
 * or a power cut cannot write anything, so the next open does. Only runs of this host are
 * judged (a PostgreSQL store may serve several); runs from before migration 0004 carry no pid
 * and are interrupted by definition (no process of the old version survives an upgrade's open).
 * PIDs can be reused: a dead run whose pid now belongs to another process stays 'running' until
 * that process ends, which errs on the side of not calling a live run dead.
 * @returns how many runs were marked
 */
export async function markInterruptedRuns(
  db: Kysely<Database>,
  now: Date,
  alive: (pid: number) => boolean = processAlive,
  host: string = os.hostname(),
): Promise<number> {
  const running = await db
    .selectFrom('run')
    .select(['id', 'pid', 'host'])
    .where('status', '=', 'running')
    .execute()
  const dead = running
    .filter((r) => r.pid === null || (r.host === host && r.pid !== process.pid && !alive(r.pid)))
    .map((r) => r.id)
  if (dead.length === 0) return 0
  await db
    .updateTable('run')
    .set({ status: 'interrupted', finished_at: now.toISOString() })
    .where('id', 'in', dead)
    .where('status', '=', 'running')
    .execute()
  return dead.length
}
