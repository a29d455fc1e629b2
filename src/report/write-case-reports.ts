import path from 'node:path'
import type { Case } from '../reconcile/case.js'
import type { Check } from '../reconcile/check.js'
import { openAtomicCsv } from './atomic-csv-writer.js'
import { type CaseRowContext, caseColumnsZh, caseRow } from './case-rows.js'
import type { CheckCount } from './case-summary.js'
import type { CommunityCount } from './community-counts.js'
import { writeFileAtomic } from './write-atomic.js'

/** Where a period's case reports went. */
export interface CaseReportFiles {
  /** The period's report folder, e.g. reports/2026-10. */
  readonly dir: string
  /** Every case: cases.csv. */
  readonly all: string
  /** cases-<check id>.csv per check, in the pipeline's order. */
  readonly perCheck: readonly { readonly checkId: string; readonly file: string }[]
  readonly summary: string
}

/** What summary.json holds: no timings or run ids, so the same month gives the same file. */
export interface CaseReportSummary {
  readonly pipeline: string
  readonly county: string
  readonly period: string
  readonly checks: readonly CheckCount[]
  /** Cases per check and community ('' = 未能定位), non-zero cells: next month's month-over-month base. */
  readonly byCommunity?: readonly CommunityCount[]
  readonly total: { readonly cases: number; readonly review: number; readonly noCommunity: number }
  readonly idsMasked: boolean
}

/**
 * Writes reports/<period>/cases.csv, one cases-<check id>.csv per check (written even when
 * empty, so a clean month is visibly clean) and summary.json. Each file is written to a
 * temporary file and renamed over the old one: readers see last run's file or this run's.
 */
export function writeCaseReports(
  dir: string,
  cases: readonly Case[],
  checks: readonly Check[],
  rows: CaseRowContext,
  summary: CaseReportSummary,
): CaseReportFiles {
  const writeCsv = (file: string, list: readonly Case[]) => {
    const w = openAtomicCsv(file, caseColumnsZh)
    try {
      for (const c of list) w.row(caseRow(c, rows))
    } catch (e) {
      w.abort()
      throw e
    }
    w.commit()
  }
  const perCheck = checks.map((check) => {
    const file = path.join(dir, `cases-${check.id}.csv`)
    writeCsv(
      file,
      cases.filter((c) => c.checkId === check.id),
    )
    return { checkId: check.id, file }
  })
  const all = path.join(dir, 'cases.csv')
  writeCsv(all, cases)
  const summaryFile = path.join(dir, 'summary.json')
  writeFileAtomic(summaryFile, `${JSON.stringify(summary, null, 2)}\n`)
  return { dir, all, perCheck, summary: summaryFile }
}
