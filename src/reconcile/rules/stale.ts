import { buildCase, personZh, probabilityZh } from '../build-case.js'
import type { Case } from '../case.js'
import type { StaleCheck } from '../check.js'
import { eventTypeZh } from '../labels-zh.js'
import { compileFilters, type ReconcileContext } from '../reconcile-context.js'
import type { LinkedPair, ReconcileRecord } from '../reconcile-input.js'

/**
 * 死亡未注销, 迁出未注销: an active `target` record whose person holds an `evidence` record,
 * unless a `revokedBy` record (moved back in) is dated on or after it. With no evidence in
 * the person but a doubtful pair to an evidence record, the case is 待人工确认.
 */
export function staleCases(ctx: ReconcileContext, check: StaleCheck): Case[] {
  const matches = compileFilters(ctx, check.target)
  const isEvidence = compileFilters(ctx, check.evidence)
  const isRevoke = compileFilters(ctx, check.revokedBy)
  const cases: Case[] = []
  for (let t = 0; t < ctx.records.length; t++) {
    const target = ctx.records[t] as ReconcileRecord
    if (!matches(t) || target.status === 'cancelled') continue
    const members = ctx.membersOf(t)
    const revokeDates = members.filter(isRevoke).map((m) => (ctx.records[m] as ReconcileRecord).eventDate)
    const evidence = members.filter((m) => {
      if (m === t || !isEvidence(m)) return false
      const date = (ctx.records[m] as ReconcileRecord).eventDate
      return date === null || !revokeDates.some((r) => r !== null && r >= date)
    })
    const who = `${ctx.labelOf(t)} ${personZh(ctx, t)} 仍为正常`
    if (evidence.length > 0) {
      const first = evidence[0] as number
      cases.push(
        buildCase(ctx, check, {
          subjects: [t],
          evidence,
          review: false,
          pair: strongestPair(ctx, t, evidence),
          reason: `${who}，但${ctx.labelOf(first)}记载其${whatZh(ctx.records[first] as ReconcileRecord)}`,
        }),
      )
      continue
    }
    let best: { other: number; pair: LinkedPair } | null = null
    for (const d of ctx.doubtfulPairs(t)) {
      if (!isEvidence(d.other)) continue
      if (
        best === null ||
        d.pair.probability > best.pair.probability ||
        (d.pair.probability === best.pair.probability && ctx.byRef(d.other, best.other) < 0)
      )
        best = d
    }
    if (best === null) continue
    cases.push(
      buildCase(ctx, check, {
        subjects: [t],
        counterparts: [best.other],
        review: true,
        pair: best.pair,
        reason: `${who}，${ctx.labelOf(best.other)} ${personZh(ctx, best.other)} 记载${whatZh(ctx.records[best.other] as ReconcileRecord)}，疑似同一人（匹配概率 ${probabilityZh(best.pair.probability)}），待人工确认`,
      }),
    )
  }
  return cases
}

/** 死亡 (2026-03-05), or the status reason of a cancelled snapshot record (注销：死亡). */
function whatZh(r: ReconcileRecord): string {
  const what =
    r.eventType !== null
      ? eventTypeZh[r.eventType]
      : r.statusReason !== null
        ? `注销（${r.statusReason}）`
        : '注销'
  return r.eventDate === null ? what : `${what}（${r.eventDate}）`
}

function strongestPair(ctx: ReconcileContext, t: number, others: readonly number[]): LinkedPair | undefined {
  let best: LinkedPair | undefined
  for (const o of others) {
    const p = ctx.pairBetween(t, o)
    if (p !== undefined && (best === undefined || p.probability > best.probability)) best = p
  }
  return best
}
