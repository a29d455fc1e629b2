import { buildCase, personZh } from '../build-case.js'
import type { Case } from '../case.js'
import type { InvalidCheck, InvalidProblem } from '../check.js'
import { idStatusZh, sexZh } from '../labels-zh.js'
import { compileFilters, type ReconcileContext } from '../reconcile-context.js'
import type { ReconcileRecord } from '../reconcile-input.js'

/**
 * 身份证号错误 and other record-level defects of `target` records, one case per record listing
 * every problem the check looks for. Needs no linkage.
 */
/**
 * An ID Excel rounded to 15 significant digits ends in 000; one time in eleven that still passes
 * the check digit and reads as valid. It is told from a real ID ending in 000 (about one in a
 * thousand) by another record of the person whose well-formed ID shares the first 15 digits and
 * not the last three. Returns that record, or null.
 */
function truncatedAfterAll(ctx: ReconcileContext, i: number): number | null {
  const id = (ctx.records[i] as ReconcileRecord).residentId
  if (id.status !== 'valid' || id.norm === null || !id.norm.endsWith('000')) return null
  const head = id.norm.slice(0, 15)
  for (const m of ctx.membersOf(i)) {
    const other = (ctx.records[m] as ReconcileRecord).residentId
    if (m === i || (other.status !== 'valid' && other.status !== 'upgraded_from_15')) continue
    if (other.norm !== null && other.norm !== id.norm && other.norm.startsWith(head)) return m
  }
  return null
}

export function invalidCases(ctx: ReconcileContext, check: InvalidCheck): Case[] {
  const isTarget = compileFilters(ctx, check.target)
  const wanted = new Set(check.problems)
  const statuses = new Set<string>(check.idStatuses)
  const cases: Case[] = []
  for (let i = 0; i < ctx.records.length; i++) {
    if (!isTarget(i)) continue
    const r = ctx.records[i] as ReconcileRecord
    const problems: InvalidProblem[] = []
    const notes: string[] = []
    const truncatedLike =
      wanted.has('id-status') && statuses.has('excel_truncated') ? truncatedAfterAll(ctx, i) : null
    if (wanted.has('id-status') && statuses.has(r.residentId.status)) {
      problems.push('id-status')
      notes.push(idStatusZh[r.residentId.status])
    } else if (truncatedLike !== null) {
      problems.push('id-status')
      notes.push(
        `${idStatusZh.excel_truncated}（末三位为 000，与${ctx.labelOf(truncatedLike)}的号码前 15 位相同）`,
      )
    }
    const idDate = r.residentId.birthDate
    if (wanted.has('id-birth-date') && idDate !== null && r.birthDate !== null && idDate !== r.birthDate) {
      problems.push('id-birth-date')
      notes.push(`身份证号中的出生日期 ${idDate} 与登记的 ${r.birthDate} 不符`)
    }
    const idSex = r.residentId.sex
    if (wanted.has('id-sex') && idSex !== null && r.sex !== null && idSex !== r.sex) {
      problems.push('id-sex')
      notes.push(`身份证号显示性别为${sexZh[idSex]}，登记为${sexZh[r.sex]}`)
    }
    if (wanted.has('impossible-birth-date')) {
      const impossible =
        r.birthDateStatus === 'impossible' ||
        (r.birthDate !== null &&
          (r.birthDate > ctx.periodEnd || (r.eventDate !== null && r.birthDate > r.eventDate)))
      if (impossible) {
        problems.push('impossible-birth-date')
        notes.push(
          r.birthDate === null
            ? '出生日期不是有效日期'
            : `出生日期 ${r.birthDate} 晚于${r.eventDate !== null && r.birthDate > r.eventDate ? '登记事件日期' : '本期'}`,
        )
      }
    }
    if (problems.length === 0) continue
    cases.push(
      buildCase(ctx, check, {
        subjects: [i],
        review: false,
        problems,
        reason: `${ctx.labelOf(i)} ${personZh(ctx, i)}：${notes.join('；')}`,
      }),
    )
  }
  return cases
}
