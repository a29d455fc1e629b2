import { buildCase, personZh, probabilityZh } from '../build-case.js'
import type { Case } from '../case.js'
import type { MissingCheck, RecordFilter } from '../check.js'
import { maritalStatusZh } from '../labels-zh.js'
import { compileFilters, type ReconcileContext } from '../reconcile-context.js'
import type { LinkedPair, ReconcileRecord } from '../reconcile-input.js'

/**
 * 新婚漏管, 出生漏报, 流入漏管: records of `from` whose person holds no record of `in`. One case
 * per person, so a birth both on a certificate and in the police feed is one case.
 *
 * When the person holds a record of an `in` source that fails its filter (a register record
 * still shown 未婚), that record is the counterpart and the reason says why it does not count.
 * When the person holds none but one of its records is in a doubtful pair with an `in` record,
 * the case is 待人工确认 with the most probable such pair.
 */
export function missingCases(ctx: ReconcileContext, check: MissingCheck): Case[] {
  const isFrom = compileFilters(ctx, check.from)
  const isIn = compileFilters(ctx, check.in)
  const inSources = sourcesOf(check.in)
  const targetLabel = [...inSources].map(ctx.sourceLabel).join('/') || '目标库'
  const done = new Set<number>()
  const cases: Case[] = []
  for (let i = 0; i < ctx.records.length; i++) {
    if (!isFrom(i) || done.has(ctx.personOf(i))) continue
    done.add(ctx.personOf(i))
    const members = ctx.membersOf(i)
    if (members.some(isIn)) continue
    const subjects = members.filter(isFrom)
    const context = subjects.flatMap((s) => ctx.rowMates(s))
    const first = subjects[0] as number
    const who = `${ctx.labelOf(first)} ${personZh(ctx, first)}`

    let best: { other: number; pair: LinkedPair } | null = null
    for (const m of members) {
      for (const d of ctx.doubtfulPairs(m)) {
        if (!isIn(d.other)) continue
        if (
          best === null ||
          d.pair.probability > best.pair.probability ||
          (d.pair.probability === best.pair.probability && ctx.byRef(d.other, best.other) < 0)
        )
          best = d
      }
    }
    if (best !== null) {
      cases.push(
        buildCase(ctx, check, {
          subjects,
          counterparts: [best.other],
          context,
          review: true,
          pair: best.pair,
          reason: `${who} 与${ctx.labelOf(best.other)} ${personZh(ctx, best.other)} 疑似同一人（匹配概率 ${probabilityZh(best.pair.probability)}），待人工确认`,
        }),
      )
      continue
    }
    const near = members.filter((m) => inSources.has((ctx.records[m] as ReconcileRecord).source))
    const why =
      near.length > 0
        ? `在${targetLabel}中的记录${mismatchZh(ctx.records[near[0] as number] as ReconcileRecord, check.in)}`
        : `在${targetLabel}中未找到匹配记录`
    cases.push(
      buildCase(ctx, check, {
        subjects,
        counterparts: near,
        context,
        review: false,
        reason: `${who} ${why}`,
      }),
    )
  }
  return cases
}

function sourcesOf(filters: readonly RecordFilter[]): Set<string> {
  return new Set(filters.flatMap((f) => f.sources ?? []))
}

/** Why a target record does not count, in the words of its first failing condition. */
function mismatchZh(r: ReconcileRecord, filters: readonly RecordFilter[]): string {
  const f = filters.find((x) => x.sources === undefined || x.sources.includes(r.source)) ?? filters[0]
  if (f?.statuses !== undefined && !f.statuses.includes(r.status ?? 'active')) return '已注销'
  if (
    f?.maritalStatuses !== undefined &&
    (r.maritalStatus === null || !f.maritalStatuses.includes(r.maritalStatus))
  ) {
    return r.maritalStatus === null ? '未登记婚姻状况' : `仍登记为${maritalStatusZh[r.maritalStatus]}`
  }
  if (f?.categories !== undefined) return '人员类别不符'
  return '不符合核查条件'
}
