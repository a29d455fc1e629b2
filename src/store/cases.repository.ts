import type { Kysely } from 'kysely'
import type { CaseDecision, DecisionEntry } from '../cases/case-decision.js'
import type { CasePeriodEntry } from '../cases/case-period-entry.js'
import type { CaseStatus } from '../cases/case-status.js'
import { type CheckCommunityCount, countByCheckAndCommunity } from '../cases/case-tracking-summary.js'
import type { Database } from './database.js'
import type { CaseDecisionRow } from './tables/case-decision.table.js'
import type { CasePeriodRow } from './tables/case-period.table.js'

/** A pipeline's county. */
export interface CaseScope {
  readonly pipeline: string
  readonly county: string
}

/** A pipeline's county in one month. */
export interface CaseMonth extends CaseScope {
  readonly period: string
}

/** Runs `work` in the transaction `db` already is, or in a new one: a month's snapshot is replaced whole or not at all. */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** The month's tracking record, if the month was tracked. */
export async function findCaseSnapshot(db: Kysely<Database>, q: CaseMonth) {
  return db
    .selectFrom('case_snapshot')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '=', q.period)
    .executeTakeFirst()
}

/** The latest month before `q.period` that was tracked, or undefined. */
export async function findPreviousTrackedPeriod(
  db: Kysely<Database>,
  q: CaseMonth,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_snapshot')
    .select('period')
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '<', q.period)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.period
}

/** Months after `q.period` that were tracked: their statuses were computed against this month's old snapshot. */
export async function listLaterTrackedPeriods(db: Kysely<Database>, q: CaseMonth): Promise<string[]> {
  const rows = await db
    .selectFrom('case_snapshot')
    .select('period')
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '>', q.period)
    .orderBy('period')
    .execute()
  return rows.map((r) => r.period)
}

/** Every tracked month of the scope, oldest first. */
export async function listTrackedPeriods(db: Kysely<Database>, q: CaseScope): Promise<string[]> {
  const rows = await db
    .selectFrom('case_snapshot')
    .select('period')
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .orderBy('period')
    .execute()
  return rows.map((r) => r.period)
}

/** The month's snapshot in its order (empty when the month was not tracked). */
export async function readCasePeriod(db: Kysely<Database>, q: CaseMonth): Promise<CasePeriodEntry[]> {
  const rows = await db
    .selectFrom('case_period')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '=', q.period)
    .orderBy('seq')
    .execute()
  return rows.map(entryOf)
}

/**
 * Month-over-month counts per check and community: the month's snapshot against the latest
 * earlier month tracked (none: every previous count 0). Undefined when the month was not tracked.
 */
export async function readMonthOverMonth(
  db: Kysely<Database>,
  q: CaseMonth,
  checkIds: readonly string[],
): Promise<{ previousPeriod: string | null; counts: CheckCommunityCount[] } | undefined> {
  const snapshot = await findCaseSnapshot(db, q)
  if (snapshot === undefined) return undefined
  const previousPeriod = snapshot.previous_period
  const previous = previousPeriod === null ? [] : await readCasePeriod(db, { ...q, period: previousPeriod })
  return { previousPeriod, counts: countByCheckAndCommunity(await readCasePeriod(db, q), previous, checkIds) }
}

/** The months a case appears in (any status), oldest first. */
export async function listCaseMonths(
  db: Kysely<Database>,
  q: CaseScope,
  caseKey: string,
): Promise<{ period: string; status: CaseStatus }[]> {
  const rows = await db
    .selectFrom('case_period')
    .select(['period', 'status'])
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('case_key', '=', caseKey)
    .orderBy('period')
    .execute()
  return rows.map((r) => ({ period: r.period, status: r.status as CaseStatus }))
}

/** Decisions of the scope made for `upTo` or an earlier month, in audit order. */
export async function readDecisions(
  db: Kysely<Database>,
  q: CaseScope,
  upTo: string,
): Promise<DecisionEntry[]> {
  const rows = await db
    .selectFrom('case_decision')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '<=', upTo)
    .orderBy('id')
    .execute()
  return rows.map(decisionOf)
}

/** The audit log of the scope (optionally of one case), oldest first: who decided what, when, over what. */
export async function readDecisionLog(
  db: Kysely<Database>,
  q: CaseScope,
  caseKey?: string,
): Promise<CaseDecisionRow[]> {
  let query = db
    .selectFrom('case_decision')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
  if (caseKey !== undefined) query = query.where('case_key', '=', caseKey)
  return query.orderBy('id').execute()
}

/**
 * Replaces the month's snapshot with `entries` (a re-run of the month gives its new statuses,
 * never a second copy), records the month as tracked against `previousPeriod`, and brings
 * every case's first and last month up to date. Runs inside the caller's transaction if any.
 */
export async function replaceCasePeriod(
  db: Kysely<Database>,
  q: CaseMonth,
  entries: readonly CasePeriodEntry[],
  previousPeriod: string | null,
  now: Date,
  /** Case key → evidence JSON (CaseEvidence) of the cases detected this month. */
  evidence: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('case_period')
      .where('pipeline', '=', q.pipeline)
      .where('county', '=', q.county)
      .where('period', '=', q.period)
      .execute()
    const rows = entries.map((e, seq) => ({
      pipeline: q.pipeline,
      county: q.county,
      period: q.period,
      case_key: e.key,
      seq,
      check_id: e.checkId,
      check_name: e.checkName,
      community: e.community,
      review: e.review ? 1 : 0,
      reason: e.reason,
      status: e.status,
      evidence: e.evidence,
      decision: e.decision,
      decision_id: e.decisionId,
      evidence_changed: e.evidenceChanged ? 1 : 0,
      reopened: e.reopened ? 1 : 0,
      note: e.note,
      evidence_detail: evidence.get(e.key) ?? null,
    }))
    // 18 values a row: 500 rows stay far below both engines' limits on bound values.
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('case_period')
        .values(rows.slice(i, i + 500))
        .execute()
    }
    await trx
      .insertInto('case_snapshot')
      .values({
        pipeline: q.pipeline,
        county: q.county,
        period: q.period,
        previous_period: previousPeriod,
        tracked_at: now.toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['pipeline', 'county', 'period']).doUpdateSet({
          previous_period: previousPeriod,
          tracked_at: now.toISOString(),
        }),
      )
      .execute()
    // Derived, so rebuilt from the snapshots: correct whichever month was re-run.
    await trx
      .deleteFrom('tracked_case')
      .where('pipeline', '=', q.pipeline)
      .where('county', '=', q.county)
      .execute()
    await trx
      .insertInto('tracked_case')
      .columns(['pipeline', 'county', 'case_key', 'check_id', 'first_period', 'last_period'])
      .expression((eb) =>
        eb
          .selectFrom('case_period')
          .select((s) => [
            'pipeline',
            'county',
            'case_key',
            s.fn.max('check_id').as('check_id'),
            s.fn.min('period').as('first_period'),
            s.fn.max('period').as('last_period'),
          ])
          .where('pipeline', '=', q.pipeline)
          .where('county', '=', q.county)
          .where('status', '<>', 'closed')
          .groupBy(['pipeline', 'county', 'case_key']),
      )
      .execute()
  })
}

/** First month each case of the scope was detected, by case key. */
export async function readFirstSeen(db: Kysely<Database>, q: CaseScope): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('tracked_case')
    .select(['case_key', 'first_period'])
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .execute()
  return new Map(rows.map((r) => [r.case_key, r.first_period]))
}

/** The case's latest decision (any month) from the audit log, or undefined: what a reviewer replaces. */
export async function findLatestDecision(
  db: Kysely<Database>,
  q: CaseScope,
  caseKey: string,
): Promise<CaseDecisionRow | undefined> {
  return db
    .selectFrom('case_decision')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('case_key', '=', caseKey)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** A decision to append to the audit log. */
export interface NewDecision {
  readonly caseKey: string
  readonly decision: CaseDecision
  readonly by: string
  readonly note: string | null
  /** The case's evidence fingerprint in the month decided on. */
  readonly evidence: string | null
  readonly via: string
}

/**
 * Appends decisions for a month to the audit log, in order, each with the decision it replaces
 * (the case's latest, any month). Nothing is updated in place. Returns each new id with the
 * decision it replaced.
 */
export async function appendDecisions(
  db: Kysely<Database>,
  q: CaseMonth,
  decisions: readonly NewDecision[],
  now: Date,
): Promise<{ id: number; previous: CaseDecision | null }[]> {
  return inTransaction(db, async (trx) => {
    const out: { id: number; previous: CaseDecision | null }[] = []
    for (const d of decisions) {
      const previous = await trx
        .selectFrom('case_decision')
        .select('decision')
        .where('pipeline', '=', q.pipeline)
        .where('county', '=', q.county)
        .where('case_key', '=', d.caseKey)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      const row = await trx
        .insertInto('case_decision')
        .values({
          pipeline: q.pipeline,
          county: q.county,
          period: q.period,
          case_key: d.caseKey,
          decision: d.decision,
          decided_by: d.by,
          decided_at: now.toISOString(),
          note: d.note,
          previous_decision: previous?.decision ?? null,
          evidence: d.evidence,
          via: d.via,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      out.push({ id: row.id, previous: (previous?.decision ?? null) as CaseDecision | null })
    }
    return out
  })
}

function entryOf(r: CasePeriodRow): CasePeriodEntry {
  return {
    key: r.case_key,
    checkId: r.check_id,
    checkName: r.check_name,
    community: r.community,
    review: r.review === 1,
    reason: r.reason,
    status: r.status as CaseStatus,
    evidence: r.evidence,
    decision: r.decision as CaseDecision | null,
    decisionId: r.decision_id,
    evidenceChanged: r.evidence_changed === 1,
    reopened: r.reopened === 1,
    note: r.note,
  }
}

function decisionOf(r: CaseDecisionRow): DecisionEntry {
  return {
    id: r.id,
    caseKey: r.case_key,
    period: r.period,
    decision: r.decision as CaseDecision,
    by: r.decided_by,
    at: r.decided_at,
    note: r.note,
    evidence: r.evidence,
  }
}
