import type { Kysely } from 'kysely'
import { buildCaseEvidence } from '../cases/case-evidence.js'
import type { CasePeriodEntry } from '../cases/case-period-entry.js'
import { isOpen } from '../cases/case-status.js'
import {
  type CaseTrackingSummary,
  type CheckCommunityCount,
  countByCheckAndCommunity,
  summarizeTracking,
} from '../cases/case-tracking-summary.js'
import { decisionsInForce } from '../cases/decisions-in-force.js'
import { evidenceFingerprint } from '../cases/evidence-fingerprint.js'
import { trackCases } from '../cases/track-cases.js'
import type { TrackedCase } from '../cases/tracked-case.js'
import type { Case } from '../reconcile/case.js'
import type { ReconcileRecord } from '../reconcile/reconcile-input.js'
import {
  type CaseMonth,
  findPreviousTrackedPeriod,
  inTransaction,
  listLaterTrackedPeriods,
  readCasePeriod,
  readDecisions,
  readFirstSeen,
  replaceCasePeriod,
} from '../store/cases.repository.js'
import type { Database } from '../store/database.js'
import { findLinkRun } from '../store/linkage.repository.js'
import { pairWeightLookup, readPairWeights } from '../store/pair-weights.repository.js'
import type { StoredLinkModel } from '../store/tables/link-run.table.js'

export interface TrackPeriodCasesOptions {
  /** The month's cases from reconcile, in report order. */
  readonly cases: readonly Case[]
  /** The records they index into (ReconcileInput.records). */
  readonly records: readonly ReconcileRecord[]
  /** The pipeline's match thresholds: the evidence fingerprint keeps the probability's band. */
  readonly thresholds: { readonly accept: number; readonly review: number }
  /** Check ids in the pipeline's order, for the per-community counts. */
  readonly checkIds: readonly string[]
  readonly now: () => Date
}

/** What case tracking gives the reports and the closing summary of bidui run. */
export interface TrackedPeriod {
  /** The cases to list this month (suppressed false positives left out), in report order, with status and decision. */
  readonly cases: readonly TrackedCase[]
  /** Detected but excluded as false positives on unchanged evidence: counted, not listed. */
  readonly suppressed: readonly CasePeriodEntry[]
  /** Open last month, no longer detected (已消除). */
  readonly closed: readonly CasePeriodEntry[]
  readonly summary: CaseTrackingSummary
  /** Month-over-month counts per check and community, against `summary.previousPeriod`. */
  readonly byCommunity: readonly CheckCommunityCount[]
  /**
   * Months after this one already tracked: their statuses were computed against this month's
   * earlier snapshot; re-run them in order to carry this run's changes forward.
   */
  readonly laterPeriods: readonly string[]
}

/**
 * Case tracking for one month: compares the month's cases with the latest earlier month
 * tracked, applies the decisions in force (bidui decide), and replaces the month's snapshot
 * in the store. Runs in the caller's transaction when given one (`db` a Transaction), else in
 * its own. Idempotent: the same cases and decisions give the same snapshot.
 */
export async function trackPeriodCases(
  db: Kysely<Database>,
  q: CaseMonth,
  options: TrackPeriodCasesOptions,
): Promise<TrackedPeriod> {
  return inTransaction(db, async (trx) => {
    const previousPeriod = (await findPreviousTrackedPeriod(trx, q)) ?? null
    const previous =
      previousPeriod === null ? [] : await readCasePeriod(trx, { ...q, period: previousPeriod })
    const decisions = decisionsInForce(await readDecisions(trx, q, q.period), q.period)
    const evidence = new Map(
      options.cases.map((c) => [c.key, evidenceFingerprint(c, options.records, options.thresholds)]),
    )
    const entries = trackCases({
      period: q.period,
      detected: options.cases.map((c) => ({
        key: c.key,
        checkId: c.checkId,
        checkName: c.checkName,
        community: c.community,
        review: c.review,
        reason: c.reason,
        evidence: evidence.get(c.key) as string,
      })),
      previous: previousPeriod === null ? null : previous,
      decisions,
    })
    // The month's linkage model turns each deciding pair's levels into a waterfall for the case view.
    const linkRun = await findLinkRun(trx, q)
    const model = linkRun === undefined ? null : (JSON.parse(linkRun.model) as StoredLinkModel).linkModel
    const weightOf = pairWeightLookup(linkRun === undefined ? [] : await readPairWeights(trx, linkRun.id))
    const details = new Map(
      options.cases.map((c) => [
        c.key,
        JSON.stringify(buildCaseEvidence(c, options.records, model, weightOf)),
      ]),
    )
    await replaceCasePeriod(trx, q, entries, previousPeriod, options.now(), details)
    const firstSeen = await readFirstSeen(trx, q)
    const byKey = new Map(entries.map((e) => [e.key, e]))
    const cases: TrackedCase[] = []
    for (const c of options.cases) {
      const e = byKey.get(c.key) as CasePeriodEntry
      if (!isOpen(e.status)) continue
      cases.push({
        ...c,
        status: e.status,
        decision: e.decision,
        evidenceChanged: e.evidenceChanged,
        reopened: e.reopened,
        note: e.note,
        evidence: e.evidence,
        firstSeen: firstSeen.get(c.key) ?? q.period,
      })
    }
    return {
      cases,
      suppressed: entries.filter((e) => e.status === 'suppressed'),
      closed: entries.filter((e) => e.status === 'closed'),
      summary: summarizeTracking(q.period, previousPeriod, entries),
      byCommunity: countByCheckAndCommunity(entries, previous, options.checkIds),
      laterPeriods: await listLaterTrackedPeriods(trx, q),
    }
  })
}
