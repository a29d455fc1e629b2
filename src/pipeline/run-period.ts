import path from 'node:path'
import type { Month } from '../domain/month.js'
import { NoMatchingSectionError } from '../errors/no-matching-section-error.js'
import { type IngestOptions, type IngestSummary, ingestPeriod } from '../ingest/ingest-period.js'
import type { Case } from '../reconcile/case.js'
import { reconcile } from '../reconcile/reconcile.js'
import type { ReconcileSource } from '../reconcile/reconcile-input.js'
import { type CheckCount, countCases } from '../report/case-summary.js'
import { buildPeriodReport } from '../report/period-report.js'
import { previousFromTracking } from '../report/previous-from-tracking.js'
import { readPreviousSummary } from '../report/read-previous-summary.js'
import {
  beginReportCommit,
  type ReportCommit,
  recoverReportCommits,
  relocatePaths,
} from '../report/report-commit.js'
import type { ReportLang } from '../report/report-lang.js'
import type { CaseReportSummary } from '../report/write-case-reports.js'
import { type PeriodReportFiles, writePeriodReports } from '../report/write-period-reports.js'
import { writeRejectsCsv } from '../report/write-rejects-csv.js'
import type { Store } from '../store/open-store.js'
import { loadReconcileInput } from '../store/reconcile-input.repository.js'
import { listRejects } from '../store/rejects.repository.js'
import { finishRun, reportsTokenCommitted, startRun } from '../store/runs.repository.js'
import { type LinkSummary, linkStoredPeriod } from './link-stored-period.js'
import type { Pipeline } from './pipeline.js'
import { pauseForTest } from './test-pause.js'
import { type TrackedPeriod, trackPeriodCases } from './track-period-cases.js'

/** The stages of `bidui run`, in order, as reported to `onStage`. */
export type RunStage = 'ingest' | 'link' | 'reconcile' | 'report'

export interface RunPeriodOptions {
  readonly period: Month
  /** Uniform in [0, 1), seeded: the link model's u sampling draws from it, so runs repeat. */
  readonly rng: () => number
  readonly now: () => Date
  /** Folder for reports; files go to <reports>/<period>/. */
  readonly reports: string
  /** Mask ID numbers in the reports (410105********1234); default the pipeline's reports.maskIds (true). */
  readonly maskIds?: boolean
  /** Language of summary.html, the workbook summary and the printed sheets; default the pipeline's. */
  readonly lang?: ReportLang
  /** Called when a stage ends, with its duration and a short account of what it did. */
  readonly onStage?: (stage: RunStage, seconds: number, detail: string) => void
  /** Ingest's per-file messages and progress, passed through. */
  readonly onFile?: IngestOptions['onFile']
  readonly onProgress?: IngestOptions['onProgress']
  /** The pipeline file as the user named it, for messages. */
  readonly pipelineFile?: string
}

/** What a run did: the closing summary of `bidui run`. */
export interface RunSummary {
  readonly pipeline: string
  readonly county: string
  readonly period: string
  readonly ingest: {
    readonly runId: number
    readonly filesIngested: number
    readonly filesSkipped: number
    readonly rowsRejected: number
    readonly rejectsFile: string
  }
  readonly link: Pick<
    LinkSummary,
    'runId' | 'linkRunId' | 'records' | 'accepted' | 'review' | 'persons' | 'replaced'
  >
  readonly checks: readonly CheckCount[]
  readonly total: CaseReportSummary['total']
  readonly reports: PeriodReportFiles
  /** Case tracking: statuses against the previous month run, decisions honoured (bidui decide). */
  readonly cases: TrackedPeriod['summary'] & { readonly laterPeriods: readonly string[] }
  readonly idsMasked: boolean
  readonly seconds: Readonly<Record<RunStage, number>>
}

/**
 * One month end to end: ingest the exports (files already ingested are skipped), link the
 * month (replacing its earlier linkage; person IDs kept), run the pipeline's checks over the
 * stored linkage, and write the case reports (each file replaced atomically). Re-running a
 * month therefore duplicates nothing and gives the same case files.
 */
export async function runPeriod(
  store: Store,
  pipeline: Pipeline,
  options: RunPeriodOptions,
): Promise<RunSummary> {
  // The whole run is one store transaction: ingested files, linkage and case rows become
  // visible together or not at all (each stage's own transaction becomes a savepoint). The
  // reports are staged and move into reports/<period>/ only after the store has committed; a
  // kill in between is completed by the next run, because the store holds the commit's token.
  let commit: ReportCommit | undefined
  let summary: RunSummary
  try {
    summary = await store.transaction(async () => {
      // Under the store's write lock: no other run is writing reports now.
      await recoverReportCommits(options.reports, (token) => reportsTokenCommitted(store.db, token))
      commit = beginReportCommit(options.reports, options.period)
      const runId = await startRun(store.db, {
        pipeline: pipeline.name,
        county: pipeline.jurisdiction.county,
        period: options.period,
        command: 'run',
        now: options.now(),
        reportsToken: commit.token,
      })
      const s = await runStages(store, pipeline, stagedOptions(options, commit), commit.staging)
      pauseForTest('report-staged')
      commit.prepare()
      pauseForTest('report-prepared')
      await finishRun(store.db, runId, 'succeeded', options.now())
      return s
    })
  } catch (e) {
    commit?.discard()
    throw e
  }
  const committed = commit as unknown as ReportCommit
  pauseForTest('store-committed')
  committed.apply(() => pauseForTest('report-commit'))
  return relocatePaths(summary, committed.staging, committed.target)
}

/**
 * The options the stages see: stage messages name the folder the reports will be in, and the
 * run-integrity test's stopping points inside ingest and after reconcile (test-pause.ts).
 */
function stagedOptions(options: RunPeriodOptions, commit: ReportCommit): RunPeriodOptions {
  return {
    ...options,
    onProgress: (p) => {
      options.onProgress?.(p)
      pauseForTest('ingest-batch')
    },
    onFile: (f) => {
      options.onFile?.(f)
      if (f.status === 'ingested') pauseForTest('ingest-file')
    },
    onStage: (stage, seconds, detail) => {
      options.onStage?.(stage, seconds, detail.replaceAll(commit.staging, commit.target))
      if (stage === 'reconcile') pauseForTest('reconcile')
    },
  }
}

/** The stages of runPeriod, inside its transaction, writing the reports to `staging`. */
async function runStages(
  store: Store,
  pipeline: Pipeline,
  options: RunPeriodOptions,
  staging: string,
): Promise<RunSummary> {
  const file = options.pipelineFile ?? pipeline.file
  if (pipeline.matching === null) throw new NoMatchingSectionError(file, 'run')
  const period = options.period
  const maskIds = options.maskIds ?? pipeline.reports.maskIds
  // runPeriod moves the staged reports to <reports>/<period>/ once the store has committed.
  const dir = staging
  const seconds: Record<RunStage, number> = { ingest: 0, link: 0, reconcile: 0, report: 0 }
  const stage =
    <T>(name: RunStage, work: () => Promise<T>, detail: (r: T) => string) =>
    async () => {
      const t0 = performance.now()
      const r = await work()
      seconds[name] = (performance.now() - t0) / 1000
      options.onStage?.(name, seconds[name], detail(r))
      return r
    }
  const q = { pipeline: pipeline.name, county: pipeline.jurisdiction.county, period }

  const ingested = await stage(
    'ingest',
    async (): Promise<{ summary: IngestSummary; rejected: number; rejectsFile: string }> => {
      const summary = await ingestPeriod(store, pipeline, {
        period,
        now: options.now,
        ...(options.onFile === undefined ? {} : { onFile: options.onFile }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      })
      const rejects = await listRejects(store.db, q)
      const rejectsFile = path.join(dir, 'rejects.csv')
      writeRejectsCsv(rejectsFile, rejects)
      return { summary, rejected: rejects.length, rejectsFile }
    },
    (r) => {
      const fresh = r.summary.files.filter((f) => f.status === 'ingested').length
      return `${fresh} files ingested, ${r.summary.files.length - fresh} already in the store, ${r.rejected} rows rejected`
    },
  )()

  const linked = await stage(
    'link',
    () =>
      linkStoredPeriod(store, pipeline, {
        period,
        rng: options.rng,
        now: options.now,
        pipelineFile: file,
        onStage: (s) => (s === 'persons' || s === 'store' ? pauseForTest(`link-${s}`) : undefined),
      }),
    (l) =>
      `${l.records} records → ${l.persons} persons, ${l.accepted} accepted and ${l.review} review pairs` +
      (l.replaced ? ' (earlier linkage replaced)' : ''),
  )()

  const sources: ReconcileSource[] = pipeline.sources.map((s) => ({
    name: s.name,
    agency: s.agency,
    kind: s.kind,
  }))
  const reconciled = await stage(
    'reconcile',
    async () => {
      const loaded = await loadReconcileInput(store.db, q, sources)
      // linkStoredPeriod has just stored this month's linkage from the files now in the store.
      if (loaded === undefined || loaded.stale)
        throw new Error(`bug: no fresh linkage of ${period} after linking`)
      const cases: Case[] = reconcile(loaded.input, pipeline.checks, { period })
      return { input: loaded.input, cases }
    },
    (r) => `${r.cases.length} cases from ${pipeline.checks.length} checks`,
  )()

  // Statuses against the last month run and decisions honoured: false positives on unchanged
  // evidence drop out of the lists, every listed case carries its status and decision.
  const tracked = await trackPeriodCases(store.db, q, {
    cases: reconciled.cases,
    records: reconciled.input.records,
    thresholds: pipeline.matching.thresholds,
    checkIds: pipeline.checks.map((c) => c.id),
    now: options.now,
  })

  const checks = countCases(tracked.cases, pipeline.checks)
  const total = {
    cases: tracked.cases.length,
    review: tracked.cases.filter((c) => c.review).length,
    noCommunity: tracked.cases.filter((c) => c.community === null).length,
  }
  const reports = await stage(
    'report',
    async () => {
      // Last month's counts: case tracking's when it compared with a month, else last month's summary.json.
      const prev = tracked.summary.previousPeriod
      const report = buildPeriodReport({
        pipeline: pipeline.name,
        county: pipeline.jurisdiction.county,
        jurisdiction: pipeline.jurisdiction.name,
        period,
        lang: options.lang ?? pipeline.reports.lang,
        checks: pipeline.checks,
        communities: pipeline.jurisdiction.communities,
        input: reconciled.input,
        cases: tracked.cases,
        maskIds,
        previous:
          prev === null
            ? readPreviousSummary(options.reports, period)
            : previousFromTracking(prev, tracked.byCommunity),
      })
      return writePeriodReports(dir, report, pipeline.checks, {
        pipeline: pipeline.name,
        county: pipeline.jurisdiction.county,
        period,
        checks,
        total,
        idsMasked: maskIds,
      })
    },
    (r) =>
      `${r.perCheck.length + 1} case files, summary.json, cases.xlsx, summary.html and ${r.print.length} printable sheets in ${r.dir}`,
  )()

  const fresh = ingested.summary.files.filter((f) => f.status === 'ingested').length
  return {
    pipeline: pipeline.name,
    county: pipeline.jurisdiction.county,
    period,
    ingest: {
      runId: ingested.summary.runId,
      filesIngested: fresh,
      filesSkipped: ingested.summary.files.length - fresh,
      rowsRejected: ingested.rejected,
      rejectsFile: ingested.rejectsFile,
    },
    link: {
      runId: linked.runId,
      linkRunId: linked.linkRunId,
      records: linked.records,
      accepted: linked.accepted,
      review: linked.review,
      persons: linked.persons,
      replaced: linked.replaced,
    },
    checks,
    total,
    reports,
    cases: { ...tracked.summary, laterPeriods: tracked.laterPeriods },
    idsMasked: maskIds,
    seconds,
  }
}
