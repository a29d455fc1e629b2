import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Month } from '../domain/month.js'
import { createRng } from '../generate/create-rng.js'
import type { Case } from '../reconcile/case.js'
import { reconcile } from '../reconcile/reconcile.js'
import { openStore } from '../store/open-store.js'
import { loadReconcileInput } from '../store/reconcile-input.repository.js'
import { pipelineOnFixtures } from './fixture-files.js'
import { linkSeed } from './link-seed.js'
import type { Pipeline } from './pipeline.js'
import { runPeriod } from './run-period.js'

/**
 * Runs the month end to end (`bidui run`, the same link seed) on the fixture exports in a
 * scratch store and report folder that are removed afterwards, never the user's store, and
 * returns the cases it raised. The store is fresh, so no decision of an earlier month applies.
 */
export async function casesOnFixtures(pipeline: Pipeline, dir: string, period: Month): Promise<Case[]> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bidui-check-'))
  try {
    const onFixtures = pipelineOnFixtures(pipeline, dir)
    const store = await openStore(path.join(scratch, 'check.db'))
    try {
      await runPeriod(store, onFixtures, {
        period,
        rng: createRng(linkSeed(period)).next,
        now: () => new Date(),
        reports: path.join(scratch, 'reports'),
        pipelineFile: pipeline.file,
      })
      const loaded = await loadReconcileInput(
        store.db,
        { pipeline: pipeline.name, county: pipeline.jurisdiction.county, period },
        pipeline.sources.map((s) => ({ name: s.name, agency: s.agency, kind: s.kind })),
      )
      if (loaded === undefined || loaded.stale)
        throw new Error(`bug: no fresh linkage of ${period} after the run`)
      return reconcile(loaded.input, pipeline.checks, { period })
    } finally {
      await store.close()
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
