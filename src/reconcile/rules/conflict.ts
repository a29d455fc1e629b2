import { buildCase, personZh } from '../build-case.js'
import type { Case, FieldDifference } from '../case.js'
import type { ConflictCheck, ConflictField, FieldRule } from '../check.js'
import { fieldZh, maritalStatusZh, maskResidentIdZh, sexZh } from '../labels-zh.js'
import { likelySlipFor, NameCharCounts } from '../name-char-counts.js'
import { namesAgree } from '../names-agree.js'
import { RaisedRecords } from '../raised-records.js'
import { compileFilters, dayOf, type ReconcileContext } from '../reconcile-context.js'
import type { ReconcileRecord } from '../reconcile-input.js'

/**
 * 信息不一致: a `target` record (the register) whose person holds an `authority` record that
 * says otherwise on a field. Per field, the value believed is that of the first authority
 * filter with a value (then the first by ref); a missing value is never a conflict, and an
 * ID is compared only when both are well-formed (a broken ID is the invalid check's case).
 * Names agree when they can be the same written name (namesAgree: a dropped middle dot, a `?`
 * for a character GBK could not hold), and under `samePinyin` also when they sound the same.
 * A sex or birth date the authority states against its own ID, where the register's value is
 * the ID's, is the authority's slip, not a conflict (slipAgainstOwnId). So is a name the
 * authority writes with one character far rarer among the district's names than the register's
 * (李伟 → 李巍: likelySlipFor), unless a record of another agency states the authority's spelling. A difference an earlier register row of the person does not
 * have (it states the believed value) is that later duplicate's, which 重复建档 merges away.
 */
export function conflictCases(
  ctx: ReconcileContext,
  check: ConflictCheck,
  raised: RaisedRecords = new RaisedRecords(),
): Case[] {
  const isTarget = compileFilters(ctx, check.target)
  const ranks = check.authority.map((f) => compileFilters(ctx, [f]))
  const rankOf = (i: number): number => ranks.findIndex((t) => t(i))
  const nameCounts = new NameCharCounts(
    ctx.records.map((r) => r.name),
    Array.from({ length: ctx.records.length }, (_, i) => ctx.personOf(i)),
  )
  const cases: Case[] = []
  for (let t = 0; t < ctx.records.length; t++) {
    if (!isTarget(t)) continue
    const target = ctx.records[t] as ReconcileRecord
    const authorities = ctx
      .membersOf(t)
      .filter((m) => m !== t)
      .map((m) => ({ m, rank: rankOf(m) }))
      .filter((a) => a.rank >= 0)
      .sort((a, b) => a.rank - b.rank || ctx.byRef(a.m, b.m))
    if (authorities.length === 0) continue
    const differences: FieldDifference[] = []
    const notes: string[] = []
    for (const rule of check.fields) {
      const recorded = fieldValue(target, rule.field)
      if (recorded === null || raised.byAny(t, rule.unlessRaisedBy)) continue
      const believed = authorities.find(
        (a) => fieldValue(ctx.records[a.m] as ReconcileRecord, rule.field) !== null,
      )
      if (believed === undefined) continue
      const authority = ctx.records[believed.m] as ReconcileRecord
      const value = fieldValue(authority, rule.field) as string
      if (agrees(rule, target, authority, recorded, value)) continue
      if (slipAgainstOwnId(rule.field, authority, recorded, value)) continue
      const members = ctx.membersOf(t)
      const earlierRow = (a: number, b: number): boolean => {
        const ra = ctx.records[a] as ReconcileRecord
        const rb = ctx.records[b] as ReconcileRecord
        return ra.file === rb.file && ra.line < rb.line
      }
      const holds = (m: number, v: string): boolean => {
        const own = fieldValue(ctx.records[m] as ReconcileRecord, rule.field)
        return own !== null && agrees(rule, ctx.records[m] as ReconcileRecord, authority, own, v)
      }
      // An earlier register record of the person already says what the authority says: this
      // one is its later duplicate, which merging under 重复建档 removes with its difference.
      if (members.some((m) => isTarget(m) && earlierRow(m, t) && holds(m, value))) continue
      const witnesses = members.filter(
        (m) => m !== t && m !== believed.m && ctx.agencyOf(m) !== ctx.agencyOf(t),
      )
      if (
        !witnesses.some((m) => holds(m, value)) &&
        rule.field === 'name' &&
        likelySlipFor(value, recorded, nameCounts, nameSlipRatio)
      )
        continue
      differences.push({
        field: rule.field,
        recorded: shownZh(rule.field, recorded),
        believed: shownZh(rule.field, value),
        believedSource: authority.source,
        believedRecord: believed.m,
      })
      const former = rule.field === 'name' && authority.formerName === recorded ? '（登记的是曾用名）' : ''
      notes.push(
        `${fieldZh[rule.field]}为 ${shownZh(rule.field, recorded)}，${ctx.labelOf(believed.m)}为 ${shownZh(rule.field, value)}${former}`,
      )
    }
    if (differences.length === 0) continue
    const decisive = differences[0] as FieldDifference
    cases.push(
      buildCase(ctx, check, {
        subjects: [t],
        evidence: authorities.map((a) => a.m),
        review: false,
        pair: ctx.pairBetween(t, decisive.believedRecord),
        differences,
        reason: `${ctx.labelOf(t)} ${personZh(ctx, t)} 的${notes.join('；')}`,
      }),
    )
  }
  return cases
}

const wellFormedId = new Set(['valid', 'upgraded_from_15'])

/**
 * How much more common (among the district's persons' names) the register's character must be
 * than the authority's for the authority's spelling to be read as its slip. Police mistype a
 * name about a sixth as often as the register does, so a doubtful police spelling needs strong
 * evidence. Chosen on generated districts of seeds 7101-7103 (8 and 16 lost true conflicts
 * whose register character was merely commoner), then checked on unseen seeds.
 */
const nameSlipRatio = 32

function fieldValue(r: ReconcileRecord, field: ConflictField): string | null {
  switch (field) {
    case 'name':
      return r.name
    case 'birthDate':
      return r.birthDate
    case 'sex':
      return r.sex
    case 'maritalStatus':
      return r.maritalStatus
    case 'residentId':
      return wellFormedId.has(r.residentId.status) ? r.residentId.norm : null
  }
}

function agrees(rule: FieldRule, a: ReconcileRecord, b: ReconcileRecord, va: string, vb: string): boolean {
  if (va === vb) return true
  if (rule.field === 'name') {
    if (namesAgree(va, vb)) return true
    return rule.tolerance === 'samePinyin' && a.namePinyin !== null && a.namePinyin === b.namePinyin
  }
  if (rule.field === 'birthDate') {
    const da = dayOf(va)
    const db = dayOf(vb)
    return da !== null && db !== null && Math.abs(da - db) <= rule.withinDays
  }
  return false
}

/**
 * The authority's stated sex or birth date contradicts its own ID while the register's value is
 * the one that ID encodes: the ID is the authority's strongest statement, so the stated column
 * is its typing slip, and sending an officer to "correct" the register would make it wrong.
 */
function slipAgainstOwnId(
  field: ConflictField,
  authority: ReconcileRecord,
  recorded: string,
  value: string,
): boolean {
  if ((field !== 'sex' && field !== 'birthDate') || !wellFormedId.has(authority.residentId.status))
    return false
  const encoded = authority.residentId[field]
  return encoded !== null && encoded === recorded && encoded !== value
}

/** A value as officers read it: 男, 已婚, a masked ID. */
function shownZh(field: ConflictField, v: string): string {
  if (field === 'sex') return sexZh[v as keyof typeof sexZh] ?? v
  if (field === 'maritalStatus') return maritalStatusZh[v as keyof typeof maritalStatusZh] ?? v
  if (field === 'residentId') return maskResidentIdZh(v)
  return v
}
