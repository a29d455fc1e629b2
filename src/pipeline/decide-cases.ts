import type { Kysely } from 'kysely'
import type { CaseDecision } from '../cases/case-decision.js'
import { caseStatusZh } from '../cases/case-status.js'
import type { DecisionRequest } from '../cases/parse-decisions-csv.js'
import {
  CaseDecisionConflictError,
  CaseNotFoundError,
  CasePeriodNotTrackedError,
} from '../errors/case-errors.js'
import {
  appendDecisions,
  type CaseMonth,
  findCaseSnapshot,
  findLatestDecision,
  inTransaction,
  listCaseMonths,
  listTrackedPeriods,
  readCasePeriod,
} from '../store/cases.repository.js'
import type { Database } from '../store/database.js'

/** A decision recorded, with the one it replaced. */
export interface RecordedDecision {
  readonly id: number
  readonly caseKey: string
  readonly checkName: string
  readonly decision: CaseDecision
  readonly by: string
  readonly note: string | null
  readonly previous: CaseDecision | null
}

/**
 * Records decisions on cases of a tracked month, all or none: every key must be a case
 * detected that month (listed or suppressed; a closed case is no longer there to decide).
 * Unknown keys are all reported together, with the months they were seen in. A request with
 * `expectedDecisionId` whose case was decided since (another reviewer) fails the whole batch
 * with CASE_DECISION_CONFLICT, checked in the same transaction as the append.
 * @param via how the decisions came: 'decide' or 'decide --file <name>' (the line is added)
 */
export async function decideCases(
  db: Kysely<Database>,
  q: CaseMonth,
  requests: readonly DecisionRequest[],
  context: {
    readonly pipelineFile: string
    readonly store: string
    readonly via: string
    readonly now: Date
  },
): Promise<RecordedDecision[]> {
  return inTransaction(db, async (trx) => {
    if ((await findCaseSnapshot(trx, q)) === undefined)
      throw new CasePeriodNotTrackedError(
        context.pipelineFile,
        q.period,
        context.store,
        await listTrackedPeriods(trx, q),
      )
    const month = new Map((await readCasePeriod(trx, q)).map((e) => [e.key, e]))
    const missing: { key: string; where?: string; seen: string }[] = []
    for (const r of requests) {
      const e = month.get(r.caseKey)
      if (e !== undefined && e.status !== 'closed') continue
      const months = await listCaseMonths(trx, q, r.caseKey)
      const seen =
        e !== undefined
          ? `${caseStatusZh.closed} (closed) in ${q.period}: no longer detected`
          : months.length === 0
            ? 'never detected for this pipeline and county'
            : `detected in ${months
                .filter((m) => m.status !== 'closed')
                .map((m) => m.period)
                .join(', ')}; decide with that --period`
      missing.push({ key: r.caseKey, ...(r.line === undefined ? {} : { where: `line ${r.line}` }), seen })
    }
    if (missing.length > 0) throw new CaseNotFoundError(context.pipelineFile, q.period, missing)
    const conflicts: { key: string; decision: string; by: string; at: string }[] = []
    for (const r of requests) {
      if (r.expectedDecisionId === undefined) continue
      const latest = await findLatestDecision(trx, q, r.caseKey)
      if ((latest?.id ?? null) !== r.expectedDecisionId && latest !== undefined)
        conflicts.push({
          key: r.caseKey,
          decision: latest.decision,
          by: latest.decided_by,
          at: latest.decided_at,
        })
    }
    if (conflicts.length > 0) throw new CaseDecisionConflictError(conflicts)
    const out: RecordedDecision[] = []
    const appended = await appendDecisions(
      trx,
      q,
      requests.map((r) => ({
        caseKey: r.caseKey,
        decision: r.decision,
        by: r.by,
        note: r.note,
        evidence: month.get(r.caseKey)?.evidence ?? null,
        via: r.line === undefined ? context.via : `${context.via}:${r.line}`,
      })),
      context.now,
    )
    requests.forEach((r, i) => {
      const a = appended[i] as { id: number; previous: CaseDecision | null }
      out.push({
        id: a.id,
        caseKey: r.caseKey,
        checkName: month.get(r.caseKey)?.checkName ?? '',
        decision: r.decision,
        by: r.by,
        note: r.note,
        previous: a.previous,
      })
    })
    return out
  })
}
