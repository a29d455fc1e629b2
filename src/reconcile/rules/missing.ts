import { buildCase, personZh, probabilityZh } from '../build-case.js'
import type { Case } from '../case.js'
import type { MissingCheck, RecordFilter } from '../check.js'
import { maritalStatusZh } from '../labels-zh.js'
import { RaisedRecords } from '../raised-records.js'
import { birthDateOf, compileFilters, dayOf, type ReconcileContext } from '../reconcile-context.js'
import type { LinkedPair, ReconcileRecord } from '../reconcile-input.js'

/**
 * 新婚漏管, 出生漏报, 流入漏管: records of `from` whose person holds no record of `in`. One case
 * per person, so a birth both on a certificate and in the police feed is one case.
 *
 * When the person holds a record of an `in` source that fails its filter (a register record
 * still shown 未婚), that record is the counterpart and the reason says why it does not count.
 * When the person holds none but one of its records is in a doubtful pair with an `in` record,
 * the case is 待人工确认 with the most probable such pair. A person a case of a check named in
 * `unlessRaisedBy` is already about is left to that case.
 */
export function missingCases(
  ctx: ReconcileContext,
  check: MissingCheck,
  raised: RaisedRecords = new RaisedRecords(),
): Case[] {
  const isFrom = compileFilters(ctx, check.from)
  const isIn = compileFilters(ctx, check.in)
  // A target record whose 婚姻状况 is blank is there and says nothing against the marriage:
  // it is not one "still 未婚", and telling the officer she is missing would be wrong.
  const isInBlankMarital = compileFilters(
    ctx,
    check.in.map(({ maritalStatuses: _, ...rest }) => rest),
  )
  const blankAnswers = check.in.some((f) => f.maritalStatuses !== undefined)
  const found = (m: number): boolean =>
    isIn(m) || (blankAnswers && ctx.records[m]?.maritalStatus === null && isInBlankMarital(m))
  const inSources = sourcesOf(check.in)
  const targetLabel = [...inSources].map(ctx.sourceLabel).join('/') || '目标库'
  const done = new Set<number>()
  const cases: Case[] = []
  for (let i = 0; i < ctx.records.length; i++) {
    if (!isFrom(i) || isUnnamedChild(ctx, i) || done.has(ctx.personOf(i))) continue
    done.add(ctx.personOf(i))
    const members = ctx.membersOf(i)
    if (members.some(found)) continue
    if (members.some((m) => raised.byAny(m, check.unlessRaisedBy))) continue
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
  cases.push(...unnamedBirthCases(ctx, check, targetLabel))
  return cases
}

/** How far a register's 子女出生日期 may stray from the certificate's 出生时间 and still be that birth. */
const birthSlackDays = 31

/**
 * Births whose row holds no named child record: a certificate names no child before the
 * parents choose a name (a third of the certificates), and an unnamed child without an ID
 * links to nothing (isUnnamedChild). The row's mother
 * stands for the child. The birth is known, and no case is raised here, when a child born
 * within birthSlackDays of the certificate's date (any date when one is unknown) is
 * - an `in` child on a row with a record of the mother's person (计生生育信息 lists her child), or
 * - an `in` or `from` record in a household or at a dwelling of the mother's or father's person
 *   (the register entered the child in the family's 户, or at the flat of a 流入 family without
 *   one; or the police feed named the child, whose own case then stands for this birth).
 */
function unnamedBirthCases(ctx: ReconcileContext, check: MissingCheck, targetLabel: string): Case[] {
  const standIns = check.from
    .filter((f) => f.roles?.includes('child') === true)
    .map((f) => ({ ...f, roles: ['mother' as const] }))
  if (standIns.length === 0) return []
  const isMother = compileFilters(ctx, standIns)
  const isIn = compileFilters(ctx, check.in)
  const isFrom = compileFilters(ctx, check.from)
  const byHome = new Map<string, number[]>()
  for (let k = 0; k < ctx.records.length; k++) {
    if (!(isIn(k) || isFrom(k))) continue
    for (const h of homesOf(ctx.records[k] as ReconcileRecord)) {
      const list = byHome.get(h)
      if (list === undefined) byHome.set(h, [k])
      else list.push(k)
    }
  }
  const hasChild = (i: number): boolean =>
    ctx.rowMates(i).some((m) => ctx.records[m]?.role === 'child' && !isUnnamedChild(ctx, m))
  const cases: Case[] = []
  const done = new Set<string>()
  for (let i = 0; i < ctx.records.length; i++) {
    if (!isMother(i) || hasChild(i)) continue
    const r = ctx.records[i] as ReconcileRecord
    const born = dayOf(r.eventDate)
    const bornNear = (c: number): boolean => {
      const day = dayOf(birthDateOf(ctx.records[c] as ReconcileRecord))
      return born === null || day === null || Math.abs(day - born) <= birthSlackDays
    }
    const listed = ctx
      .membersOf(i)
      .some((m) => ctx.rowMates(m).some((c) => ctx.records[c]?.role === 'child' && isIn(c) && bornNear(c)))
    const parents = [i, ...ctx.rowMates(i)].flatMap((p) => ctx.membersOf(p))
    const parentSet = new Set(parents)
    const homes = new Set(parents.flatMap((p) => homesOf(ctx.records[p] as ReconcileRecord)))
    const atHome = [...homes].some((h) => (byHome.get(h) ?? []).some((c) => !parentSet.has(c) && bornNear(c)))
    // One case per birth: the same mother and date on two rows of one source is one child.
    const key = `${ctx.personOf(i)}|${r.source}|${r.eventDate ?? ''}`
    if (listed || atHome || done.has(key)) continue
    done.add(key)
    cases.push(
      buildCase(ctx, check, {
        subjects: [i],
        counterparts: [],
        context: ctx.rowMates(i),
        review: false,
        reason: `${ctx.labelOf(i)} ${personZh(ctx, i)} 的新生儿（未取名，${r.eventDate ?? '出生日期不详'} 出生）在${targetLabel}中未找到匹配记录`,
      }),
    )
  }
  return cases
}

/**
 * A child record with neither a name nor an ID (a certificate before the parents chose a name,
 * read as 陈娟之女 or left blank) that the linkage joined to nothing: its birth is checked
 * through its mother (unnamedBirthCases), whether or not ingest keeps such a record.
 */
function isUnnamedChild(ctx: ReconcileContext, i: number): boolean {
  const r = ctx.records[i] as ReconcileRecord
  return r.role === 'child' && r.name === null && r.residentId.norm === null && ctx.membersOf(i).length === 1
}

/** Keys of where a record's family lives: its 户号 and its normalized dwelling. */
function homesOf(r: ReconcileRecord): string[] {
  const homes: string[] = []
  if (r.householdNo !== null) homes.push(`户:${r.householdNo}`)
  if (r.dwelling !== undefined && r.dwelling !== null) homes.push(`住:${r.dwelling}`)
  return homes
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
