import { writeSync } from 'node:fs'

/**
 * Where a run can be stopped for the run-integrity test (test/pipeline/run-integrity.test.ts),
 * in the order a run passes them. The first four points fall in the store transaction, before
 * any report moves; 'store-committed' and 'report-commit' fall after the commit.
 */
export const pausePoints = [
  'ingest-batch',
  'ingest-file',
  'link-persons',
  'link-store',
  'reconcile',
  'report-staged',
  'report-prepared',
  'store-committed',
  'report-commit',
] as const
export type PausePoint = (typeof pausePoints)[number]

/**
 * With BIDUI_TEST_PAUSE_AT=<point>, stops the whole process at that point (once) after saying
 * so on stderr, so a test can SIGKILL it exactly there. Does nothing otherwise.
 */
export function pauseForTest(point: PausePoint): void {
  if (process.env.BIDUI_TEST_PAUSE_AT !== point) return
  process.env.BIDUI_TEST_PAUSE_AT = ''
  writeSync(2, `BIDUI_PAUSED ${point}\n`)
  // Blocks this thread (nothing else of the run proceeds) until the test kills the process.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000)
}
