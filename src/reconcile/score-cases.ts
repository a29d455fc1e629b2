import type { Case } from './case.js'

/** One row of a generator's truth/discrepancies.csv, as scoring needs it. */
export interface TrueDiscrepancyRow {
  readonly id: string
  /** missing-newlywed, duplicate, conflict … (the standard checks use the same ids). */
  readonly type: string
  readonly communityCode: string | null
  /** `file:line:role`, register rows first. */
  readonly records: readonly string[]
}

/**
 * Parses truth/discrepancies.csv (UTF-8, no quoting: no value holds a comma; columns id, type,
 * type_zh, community_code, community_name, person_ids, records, field, true_value,
 * recorded_value, detail). Columns are found by header name.
 * @throws RangeError when a needed column is absent.
 */
export function parseTrueDiscrepancies(text: string): TrueDiscrepancyRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
  const header = (lines[0] ?? '').split(',')
  const col = (name: string): number => {
    const i = header.indexOf(name)
    if (i < 0) throw new RangeError(`truth discrepancies: no "${name}" column`)
    return i
  }
  const [id, type, community, records] = [col('id'), col('type'), col('community_code'), col('records')]
  return lines.slice(1).map((line) => {
    const cells = line.split(',')
    return {
      id: cells[id] ?? '',
      type: cells[type] ?? '',
      communityCode: cells[community] || null,
      records: (cells[records] ?? '').split(' ').filter((r) => r !== ''),
    }
  })
}

export interface TypeScore {
  readonly type: string
  readonly truth: number
  readonly cases: number
  readonly matched: number
  /** matched / cases; null when there are no cases. */
  readonly precision: number | null
  /** matched / truth; null when there is no truth of the type. */
  readonly recall: number | null
  /** Matched cases whose community differs from the truth's (a wrong visit). */
  readonly wrongCommunity: number
}

export interface CaseScore {
  /** Per type, in order of first appearance in truth then cases. */
  readonly types: readonly TypeScore[]
  /** Keys of cases matching no true discrepancy (false positives), in case order. */
  readonly unmatchedCases: readonly string[]
  /** Ids of true discrepancies no case found (misses), in truth order. */
  readonly missedTruth: readonly string[]
}

export interface ScoreOptions {
  /**
   * Count 待人工确认 (review) cases as found. Default false: a review case is a question put
   * to an officer, not a finding, so it counts neither for precision nor for recall.
   */
  readonly includeReview?: boolean
}

/**
 * Scores cases against generator truth, per type. A case matches a true discrepancy of the
 * same type (case.checkId = truth type) when one of the case's subject records is among the
 * truth's records; each case and each truth row is matched at most once, truth rows taking, in
 * their order, the unmatched case sharing the most subject records (then the first).
 * The truth is only read here, after reconciliation decided: it never steers a case.
 */
export function scoreCases(
  cases: readonly Case[],
  truth: readonly TrueDiscrepancyRow[],
  options: ScoreOptions = {},
): CaseScore {
  const counted = cases.filter((c) => options.includeReview === true || !c.review)
  const byRef = new Map<string, number[]>()
  counted.forEach((c, k) => {
    for (const r of c.records) {
      if (r.part !== 'subject') continue
      const list = byRef.get(r.ref)
      if (list === undefined) byRef.set(r.ref, [k])
      else if (list[list.length - 1] !== k) list.push(k)
    }
  })
  const taken = new Set<number>()
  const missed: string[] = []
  const stats = new Map<string, { truth: number; cases: number; matched: number; wrongCommunity: number }>()
  const stat = (type: string) => {
    let s = stats.get(type)
    if (s === undefined) {
      s = { truth: 0, cases: 0, matched: 0, wrongCommunity: 0 }
      stats.set(type, s)
    }
    return s
  }
  for (const t of truth) {
    const s = stat(t.type)
    s.truth++
    const overlap = new Map<number, number>()
    for (const ref of t.records) {
      for (const k of byRef.get(ref) ?? []) {
        if (!taken.has(k) && (counted[k] as Case).checkId === t.type)
          overlap.set(k, (overlap.get(k) ?? 0) + 1)
      }
    }
    let best = -1
    for (const [k, n] of overlap) {
      const bestN = overlap.get(best) ?? 0
      if (n > bestN || (n === bestN && k < best)) best = k
    }
    if (best < 0) {
      missed.push(t.id)
      continue
    }
    taken.add(best)
    s.matched++
    if ((counted[best] as Case).community !== t.communityCode) s.wrongCommunity++
  }
  for (const c of counted) stat(c.checkId).cases++
  return {
    types: [...stats].map(([type, s]) => ({
      type,
      ...s,
      precision: s.cases === 0 ? null : s.matched / s.cases,
      recall: s.truth === 0 ? null : s.matched / s.truth,
    })),
    unmatchedCases: counted.filter((_, k) => !taken.has(k)).map((c) => c.key),
    missedTruth: missed,
  }
}
