import type { Case, CaseRecordPart } from '../reconcile/case.js'
import { maskResidentIdZh } from '../reconcile/labels-zh.js'
import type { ReconcileRecord } from '../reconcile/reconcile-input.js'

/** Column headers of a case CSV: what officers read. */
export const caseColumnsZh = [
  '案件编号',
  '核查类型',
  '待人工确认',
  '社区代码',
  '社区',
  '原因',
  '姓名',
  '身份证号',
  '记录',
  '概率',
  '比较结果',
] as const

export const partZh: Readonly<Record<CaseRecordPart, string>> = {
  subject: '核查对象',
  counterpart: '疑似对应',
  evidence: '依据',
  context: '关联',
}

/** What a case row needs besides the case: its records, where communities are, masking. */
export interface CaseRowContext {
  /** The records the cases index into (ReconcileInput.records). */
  readonly records: readonly ReconcileRecord[]
  /** Community code → name, for the jurisdiction's communities. */
  readonly communityNames: ReadonlyMap<string, string>
  /** Show IDs as 410105********1234 (default in reports) rather than whole. */
  readonly maskIds: boolean
}

/** Marks a community found only from the flat a record names: the officer should confirm it. */
const dwellingInferredZh = '（按住址推定）'

/** The name shown for a case without a community: officers must place it themselves. */
export const noCommunityZh = '未能定位'

/**
 * One case as a report row (caseColumnsZh order): the first subject's name and ID, every
 * record as `part name ID file:line:role`, joined by a full-width semicolon. Plain strings;
 * the CSV writer escapes formulas.
 */
export function caseRow(c: Case, ctx: CaseRowContext): string[] {
  const id = (r: ReconcileRecord) => {
    const v = r.residentId.norm
    if (v === null) return ''
    return ctx.maskIds ? maskResidentIdZh(v) : v
  }
  const first = c.records.find((r) => r.part === 'subject')
  const subject = first === undefined ? undefined : ctx.records[first.index]
  const records = c.records.map((cr) => {
    const r = ctx.records[cr.index]
    const who = r === undefined ? '' : [r.name ?? '（无姓名）', id(r)].filter((s) => s !== '').join(' ')
    return `${partZh[cr.part]} ${who} ${cr.ref}`
  })
  return [
    c.key,
    c.checkName,
    c.review ? '是' : '否',
    c.community ?? '',
    c.community === null
      ? noCommunityZh
      : (ctx.communityNames.get(c.community) ?? c.community) +
        (c.communityBy === 'dwelling' ? dwellingInferredZh : ''),
    c.reason,
    subject?.name ?? '',
    subject === undefined ? '' : id(subject),
    records.join('；'),
    c.probability === null ? '' : c.probability.toFixed(3),
    c.levels ?? '',
  ]
}
