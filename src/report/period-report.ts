import type { Case } from '../reconcile/case.js'
import type { Check } from '../reconcile/check.js'
import type { ReconcileInput } from '../reconcile/reconcile-input.js'
import type { CaseRowContext } from './case-rows.js'
import { type CheckCount, countCases } from './case-summary.js'
import { type CommunityCount, countByCommunity, reportCommunities } from './community-counts.js'
import { matchWeightHistogram, type WeightBin } from './match-weight-histogram.js'
import type { PreviousCounts } from './previous-counts.js'
import { type RegisterMetrics, registerMetrics } from './register-metrics.js'
import type { ReportLang } from './report-lang.js'

/**
 * A case as reports show it. `status` is set once case tracking compares the month with the
 * last (new / open / gone, or their Chinese 新发现 / 延续 / 已消除); reports show the column
 * only when some case has one.
 */
export type ReportCase = Case & { readonly status?: string }

/** Everything the XLSX, HTML and printed reports show: built once, pure. */
export interface PeriodReport {
  readonly pipeline: string
  readonly county: string
  /** The jurisdiction's name, e.g. 金水区. */
  readonly jurisdiction: string
  readonly period: string
  readonly lang: ReportLang
  readonly checks: readonly Pick<Check, 'id' | 'name' | 'label'>[]
  /** Community codes to show, '' = 未能定位 last (reportCommunities). */
  readonly communities: readonly string[]
  readonly counts: readonly CheckCount[]
  readonly byCommunity: readonly CommunityCount[]
  readonly previous: PreviousCounts | null
  readonly metrics: RegisterMetrics
  readonly weights: readonly WeightBin[]
  readonly cases: readonly ReportCase[]
  /** Records, community names and the masking setting, shared with the CSV rows. */
  readonly rows: CaseRowContext
  /** True when some case carries a tracking status. */
  readonly hasStatus: boolean
}

export interface PeriodReportInput {
  readonly pipeline: string
  readonly county: string
  readonly jurisdiction: string
  readonly period: string
  readonly lang: ReportLang
  readonly checks: readonly Check[]
  /** The jurisdiction's communities as configured, in order. */
  readonly communities: readonly { readonly code: string; readonly name: string }[]
  readonly input: ReconcileInput
  readonly cases: readonly ReportCase[]
  readonly maskIds: boolean
  readonly previous: PreviousCounts | null
}

export function buildPeriodReport(p: PeriodReportInput): PeriodReport {
  const communities = reportCommunities(
    p.communities.map((c) => c.code),
    p.cases,
  )
  return {
    pipeline: p.pipeline,
    county: p.county,
    jurisdiction: p.jurisdiction,
    period: p.period,
    lang: p.lang,
    checks: p.checks.map((c) => ({ id: c.id, name: c.name, label: c.label })),
    communities,
    counts: countCases(p.cases, p.checks),
    byCommunity: countByCommunity(
      p.cases,
      p.checks.map((c) => c.id),
      communities,
    ),
    previous: p.previous,
    metrics: registerMetrics(p.input, p.cases, p.period),
    weights: matchWeightHistogram(p.input.pairs),
    cases: p.cases,
    rows: {
      records: p.input.records,
      communityNames: new Map(p.communities.map((c) => [c.code, c.name])),
      maskIds: p.maskIds,
    },
    hasStatus: p.cases.some((c) => c.status !== undefined),
  }
}

/** A community's display name: its configured name, else its code; '' is 未能定位 / Not placed. */
export function communityName(report: PeriodReport, code: string, noCommunity: string): string {
  if (code === '') return noCommunity
  return report.rows.communityNames.get(code) ?? code
}
