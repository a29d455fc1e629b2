import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/** Records the start of a run; the caller finishes it with `finishRun`. */
export async function startRun(
  db: Kysely<Database>,
  run: { pipeline: string; county: string; period: string; command: string; now: Date },
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
