import { type Kysely, sql } from 'kysely'
import type { CaseDecision } from '../cases/case-decision.js'
import type { CaseStatus } from '../cases/case-status.js'
import type { CaseScope } from './cases.repository.js'
import type { Database } from './database.js'

/** What a reviewer narrows a month's case list to (bidui serve); absent fields do not filter. */
export interface CaseListFilter {
  readonly period: string
  readonly checkId?: string
  readonly community?: string
  readonly status?: CaseStatus
  /** A decision, or 'none' for cases nobody decided yet. */
  readonly decision?: CaseDecision | 'none'
  /** true: only 待人工确认 (review band); false: only the sure ones. */
  readonly review?: boolean
  /** Part of the case key or of the reason (which names the person). */
  readonly search?: string
}

export const caseListSorts = ['seq', 'check', 'community', 'status', 'key'] as const
export type CaseListSort = (typeof caseListSorts)[number]

const sortColumns = {
  seq: 'seq',
  check: 'check_id',
  community: 'community',
  status: 'status',
  key: 'case_key',
} as const

export interface CaseListPage {
  readonly total: number
  readonly rows: readonly {
    readonly key: string
    readonly checkId: string
    readonly checkName: string
    readonly community: string | null
    readonly review: boolean
    readonly reason: string
    readonly status: CaseStatus
    readonly decision: CaseDecision | null
    /** Decided since the month was run: in force from the next run. */
    readonly pendingDecision: CaseDecision | null
  }[]
}

/** The pipelines and counties the store tracked cases for. */
export async function listCaseScopes(db: Kysely<Database>): Promise<CaseScope[]> {
  return db
    .selectFrom('case_snapshot')
    .select(['pipeline', 'county'])
    .distinct()
    .orderBy('pipeline')
    .orderBy('county')
    .execute()
}

/**
 * One page of a month's cases, filtered and sorted in SQL (LIMIT/OFFSET over the month's rows,
 * which the case_period primary key narrows to), with the filtered total.
 */
export async function listCasePage(
  db: Kysely<Database>,
  scope: CaseScope,
  filter: CaseListFilter,
  sort: { readonly by: CaseListSort; readonly desc: boolean },
  page: { readonly offset: number; readonly limit: number },
): Promise<CaseListPage> {
  let q = db
    .selectFrom('case_period')
    .where('pipeline', '=', scope.pipeline)
    .where('county', '=', scope.county)
    .where('period', '=', filter.period)
  if (filter.checkId !== undefined) q = q.where('check_id', '=', filter.checkId)
  if (filter.community !== undefined)
    q =
      filter.community === '' ? q.where('community', 'is', null) : q.where('community', '=', filter.community)
  if (filter.status !== undefined) q = q.where('status', '=', filter.status)
  if (filter.decision === 'none') q = q.where('decision', 'is', null)
  else if (filter.decision !== undefined) q = q.where('decision', '=', filter.decision)
  if (filter.review !== undefined) q = q.where('review', '=', filter.review ? 1 : 0)
  if (filter.search !== undefined && filter.search !== '') {
    // LIKE with the wildcards of the search itself escaped: a reviewer types text, not patterns.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('case_key', 'like', sql<string>`${pattern} escape '\\'`),
        eb('reason', 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    )
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select([
      'case_key',
      'check_id',
      'check_name',
      'community',
      'review',
      'reason',
      'status',
      'decision',
      'decision_id',
    ])
    // The case's latest decision for this month or earlier: one indexed lookup per listed row,
    // so a decision made since the run shows (as pending) without waiting for the next run.
    .select((eb) =>
      eb
        .selectFrom('case_decision as d')
        .select(['d.id'])
        .whereRef('d.pipeline', '=', 'case_period.pipeline')
        .whereRef('d.county', '=', 'case_period.county')
        .whereRef('d.case_key', '=', 'case_period.case_key')
        .where('d.period', '<=', filter.period)
        .orderBy('d.id', 'desc')
        .limit(1)
        .as('latest_id'),
    )
    .select((eb) =>
      eb
        .selectFrom('case_decision as d')
        .select(['d.decision'])
        .whereRef('d.pipeline', '=', 'case_period.pipeline')
        .whereRef('d.county', '=', 'case_period.county')
        .whereRef('d.case_key', '=', 'case_period.case_key')
        .where('d.period', '<=', filter.period)
        .orderBy('d.id', 'desc')
        .limit(1)
        .as('latest_decision'),
    )
    .orderBy(sortColumns[sort.by], sort.desc ? 'desc' : 'asc')
    .orderBy('seq')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      key: r.case_key,
      checkId: r.check_id,
      checkName: r.check_name,
      community: r.community,
      review: r.review === 1,
      reason: r.reason,
      status: r.status as CaseStatus,
      decision: r.decision as CaseDecision | null,
      pendingDecision:
        r.latest_id !== null && r.latest_id !== r.decision_id ? (r.latest_decision as CaseDecision) : null,
    })),
  }
}

/** Per tracked month: cases per status (a month-over-month trend). */
export async function countStatusesByPeriod(
  db: Kysely<Database>,
  scope: CaseScope,
): Promise<{ period: string; status: CaseStatus; n: number }[]> {
  const rows = await db
    .selectFrom('case_period')
    .select(['period', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pipeline', '=', scope.pipeline)
    .where('county', '=', scope.county)
    .groupBy(['period', 'status'])
    .orderBy('period')
    .execute()
  return rows.map((r) => ({ period: r.period, status: r.status as CaseStatus, n: Number(r.n) }))
}

/** A month's cases counted per check, community and status. */
export async function countMonthCases(
  db: Kysely<Database>,
  scope: CaseScope,
  period: string,
): Promise<
  { checkId: string; checkName: string; community: string | null; status: CaseStatus; n: number }[]
> {
  const rows = await db
    .selectFrom('case_period')
    .select(['check_id', 'check_name', 'community', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pipeline', '=', scope.pipeline)
    .where('county', '=', scope.county)
    .where('period', '=', period)
    .groupBy(['check_id', 'check_name', 'community', 'status'])
    .execute()
  return rows.map((r) => ({
    checkId: r.check_id,
    checkName: r.check_name,
    community: r.community,
    status: r.status as CaseStatus,
    n: Number(r.n),
  }))
}
