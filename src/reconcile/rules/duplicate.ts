import { buildCase, personZh, probabilityZh } from '../build-case.js'
import type { Case } from '../case.js'
import type { DuplicateCheck } from '../check.js'
import { compileFilters, type ReconcileContext } from '../reconcile-context.js'
import type { LinkedPair, ReconcileRecord } from '../reconcile-input.js'

/**
 * 重复建档: a person holding more than one active record of `of`. Cancelled records never
 * count: a record closed after a move and a new one opened is the register working. A
 * doubtful pair between active records of two persons is a 待人工确认 case of its own.
 */
export function duplicateCases(ctx: ReconcileContext, check: DuplicateCheck): Case[] {
  const matches = compileFilters(ctx, check.of)
  const isTarget = (i: number): boolean =>
    matches(i) && (ctx.records[i] as ReconcileRecord).status !== 'cancelled'
  const done = new Set<number>()
  const cases: Case[] = []
  for (let i = 0; i < ctx.records.length; i++) {
    if (!isTarget(i)) continue
    if (!done.has(ctx.personOf(i))) {
      done.add(ctx.personOf(i))
      const subjects = ctx.membersOf(i).filter(isTarget)
      if (subjects.length > 1) {
        const pair = weakestPair(ctx, subjects)
        const first = subjects[0] as number
        const label = ctx.sourceLabel((ctx.records[first] as ReconcileRecord).source)
        cases.push(
          buildCase(ctx, check, {
            subjects,
            review: false,
            pair,
            reason: `${personZh(ctx, first)} 在${label}中有 ${subjects.length} 条有效记录`,
          }),
        )
      }
    }
    for (const d of ctx.doubtfulPairs(i)) {
      // Each doubtful pair once, from its first record by ref (names it first in the reason).
      if (ctx.byRef(d.other, i) < 0 || !isTarget(d.other)) continue
      cases.push(
        buildCase(ctx, check, {
          subjects: [i, d.other],
          review: true,
          pair: d.pair,
          reason: `${ctx.labelOf(i)} ${personZh(ctx, i)} 与 ${personZh(ctx, d.other)} 疑似重复建档（匹配概率 ${probabilityZh(d.pair.probability)}），待人工确认`,
        }),
      )
    }
  }
  return cases
}

/** The least probable scored pair among the records: the link the case hangs on. */
function weakestPair(ctx: ReconcileContext, records: readonly number[]): LinkedPair | undefined {
  let weakest: LinkedPair | undefined
  for (let a = 0; a < records.length; a++) {
    for (let b = a + 1; b < records.length; b++) {
      const p = ctx.pairBetween(records[a] as number, records[b] as number)
      // Ties keep the first pair met; records come in ref order, so that is order-independent.
      if (p !== undefined && (weakest === undefined || p.probability < weakest.probability)) weakest = p
    }
  }
  return weakest
}
