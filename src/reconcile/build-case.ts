import type { Case, CaseRecord, CaseRecordPart, FieldDifference } from './case.js'
import { caseKey } from './case-key.js'
import type { Check, InvalidProblem } from './check.js'
import type { ReconcileContext } from './reconcile-context.js'
import { birthDateOf } from './reconcile-context.js'
import type { LinkedPair, ReconcileRecord } from './reconcile-input.js'

/** What a rule decides; buildCase adds the key, the records' refs and the community. */
export interface CaseDraft {
  readonly subjects: readonly number[]
  readonly counterparts?: readonly number[]
  readonly evidence?: readonly number[]
  readonly context?: readonly number[]
  readonly review: boolean
  readonly pair?: LinkedPair | undefined
  readonly differences?: readonly FieldDifference[]
  readonly problems?: readonly InvalidProblem[]
  readonly reason: string
}

export function buildCase(ctx: ReconcileContext, check: Check, d: CaseDraft): Case {
  const seen = new Set<number>()
  const records: CaseRecord[] = []
  const add = (part: CaseRecordPart, list: readonly number[] | undefined): void => {
    const fresh = [...new Set(list ?? [])].filter((i) => !seen.has(i))
    fresh.sort(ctx.byRef)
    for (const i of fresh) {
      seen.add(i)
      const r = ctx.records[i] as ReconcileRecord
      records.push({
        index: i,
        part,
        source: r.source,
        role: r.role,
        ref: ctx.refOf(i),
        fingerprint: r.fingerprint,
      })
    }
  }
  add('subject', d.subjects)
  add('counterpart', d.counterparts)
  add('evidence', d.evidence)
  add('context', d.context)
  return {
    key: caseKey(
      check.id,
      d.subjects.map((i) => (ctx.records[i] as ReconcileRecord).fingerprint),
    ),
    checkId: check.id,
    checkName: check.name,
    kind: check.kind,
    review: d.review,
    ...communityOf(ctx, records),
    records,
    probability: d.pair?.probability ?? null,
    levels: d.pair?.levels ?? null,
    differences: d.differences ?? [],
    problems: d.problems ?? [],
    reason: d.reason,
  }
}

/**
 * Who visits: a register record's community (the register is what the office corrects and
 * says where the person is managed), first among the case's records, then among the records
 * of the subjects' persons; else a subject's own; else another record of the subjects'
 * persons (the police snapshot of a bride not in the register); else a row-mate's or its
 * person's (a newborn's mother); else any record of the case; else, last, the community the
 * register places the flat a subject (then any record of the case) says it lives in — an
 * inflow migrant's 居住地址 names a flat, not a community. null is 未能定位.
 */
function communityOf(
  ctx: ReconcileContext,
  records: readonly CaseRecord[],
): { community: string | null; communityBy: Case['communityBy'] } {
  const placed = (i: number): string | null => ctx.records[i]?.community ?? null
  const subjects = records.filter((r) => r.part === 'subject').map((r) => r.index)
  const persons = subjects.flatMap((s) => ctx.membersOf(s))
  const rows = subjects.flatMap((s) => ctx.rowMates(s))
  const rowPersons = rows.flatMap((m) => ctx.membersOf(m))
  const isRegister = (i: number): boolean => ctx.agencyOf(i) === 'register'
  const all = records.map((r) => r.index)
  const tiers: readonly (readonly number[])[] = [
    all.filter(isRegister),
    persons.filter(isRegister),
    subjects,
    persons,
    rows,
    rowPersons,
    all,
  ]
  for (const tier of tiers) {
    for (const i of tier) {
      const c = placed(i)
      if (c !== null) return { community: c, communityBy: 'record' }
    }
  }
  for (const i of [...subjects, ...all]) {
    const c = ctx.dwellingCommunity(i)
    if (c !== null) return { community: c, communityBy: 'dwelling' }
  }
  return { community: null, communityBy: null }
}

/** 王丽 (1998-03-02): how a reason names a person. */
export function personZh(ctx: ReconcileContext, i: number): string {
  const r = ctx.records[i] as ReconcileRecord
  const birth = birthDateOf(r)
  const name = r.name ?? '（无姓名）'
  return birth === null ? name : `${name} (${birth})`
}

/** 0.87 → "0.870": probabilities as reasons print them. */
export function probabilityZh(p: number): string {
  return p.toFixed(3)
}
