import { ageOn } from '../domain/day-number.js'
import type { Case } from '../reconcile/case.js'
import { birthDateOf, dayOf, periodBounds } from '../reconcile/reconcile-context.js'
import type { ReconcileInput, ReconcileRecord } from '../reconcile/reconcile-input.js'

/** A share with the counts it is made of; `rate` is null when there is nothing to divide by. */
export interface Ratio {
  readonly numerator: number
  readonly denominator: number
  readonly rate: number | null
}

/** The two KPIs a supervisor is judged on (DOMAIN.md), as far as one month's data shows them. */
export interface RegisterMetrics {
  /**
   * 已婚育龄妇女信息覆盖率: persons held in the register as married women aged 15–49 (an active
   * register person record, female by the record or its ID, 已婚, age at the period's last
   * day from the stated birth date, else the ID's) ÷ those plus the women aged 15–49 who are
   * the first subject of a `missing` case (新婚漏管, 流入漏管 …) and not already counted, one per
   * person. A bride whose register record still says 未婚 is not covered.
   */
  readonly coverage: Ratio
  /** Active register person records that are not the subject of a `conflict` case ÷ all of them. */
  readonly withoutConflict: Ratio
  /** Active register person records that are not the subject of any case ÷ all of them. */
  readonly withoutCase: Ratio
}

const childbearing = { min: 15, max: 49 } as const

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator }
}

/** Computes the register KPIs of a period from the reconcile input and its cases (pure). */
export function registerMetrics(
  input: ReconcileInput,
  cases: readonly Case[],
  period: string,
): RegisterMetrics {
  const end = dayOf(periodBounds(period).end) as number
  const registerPersonSources = new Set(
    input.sources.filter((s) => s.agency === 'register' && s.kind === 'person').map((s) => s.name),
  )
  const isWomanOfChildbearingAge = (r: ReconcileRecord): boolean => {
    if ((r.sex ?? r.residentId.sex) !== 'female') return false
    const birth = dayOf(birthDateOf(r))
    if (birth === null) return false
    const age = ageOn(birth, end)
    return age >= childbearing.min && age <= childbearing.max
  }

  const activeRegister: number[] = []
  const coveredPersons = new Set<number>()
  input.records.forEach((r, i) => {
    if (!registerPersonSources.has(r.source) || r.status === 'cancelled') return
    activeRegister.push(i)
    if (r.maritalStatus === 'married' && isWomanOfChildbearingAge(r))
      coveredPersons.add(input.person[i] as number)
  })

  const missingPersons = new Set<number>()
  const conflictSubjects = new Set<number>()
  const caseSubjects = new Set<number>()
  for (const c of cases) {
    for (const cr of c.records) {
      if (cr.part !== 'subject') continue
      caseSubjects.add(cr.index)
      if (c.kind === 'conflict') conflictSubjects.add(cr.index)
    }
    if (c.kind !== 'missing') continue
    const first = c.records.find((cr) => cr.part === 'subject')
    const r = first === undefined ? undefined : input.records[first.index]
    if (first === undefined || r === undefined || !isWomanOfChildbearingAge(r)) continue
    const person = input.person[first.index] as number
    if (!coveredPersons.has(person)) missingPersons.add(person)
  }

  const n = activeRegister.length
  return {
    coverage: ratio(coveredPersons.size, coveredPersons.size + missingPersons.size),
    withoutConflict: ratio(activeRegister.filter((i) => !conflictSubjects.has(i)).length, n),
    withoutCase: ratio(activeRegister.filter((i) => !caseSubjects.has(i)).length, n),
  }
}
