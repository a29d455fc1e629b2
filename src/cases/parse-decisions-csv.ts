import Papa from 'papaparse'
import { type CaseDecision, caseDecisions, caseDecisionZh, parseCaseDecision } from './case-decision.js'

/** One decision asked for, from the command line or a decisions file. */
export interface DecisionRequest {
  /** 1-based line in the decisions file; absent on the command line. */
  readonly line?: number
  readonly caseKey: string
  readonly decision: CaseDecision
  readonly by: string
  readonly note: string | null
  /**
   * Optimistic concurrency (bidui serve): the audit id of the case's latest decision the
   * reviewer saw (null: none). When given and another decision was recorded since, nothing is
   * recorded (CASE_DECISION_CONFLICT). Absent: not checked (the CLI replaces knowingly).
   */
  readonly expectedDecisionId?: number | null
}

/** Headers a decisions file may use for each column (English or what officers write). */
const headerAliases = {
  caseKey: ['案件编号', 'case', 'key', 'case key', 'case_key'],
  decision: ['决定', '核查结论', 'decision'],
  by: ['决定人', '核查人', 'by'],
  note: ['备注', '说明', 'note'],
} as const

export type DecisionsParse =
  | { readonly ok: true; readonly requests: readonly DecisionRequest[] }
  | { readonly ok: false; readonly missingColumns: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] }

/**
 * Reads a decisions file (text already decoded; a BOM is ignored): a header row naming the case
 * key and decision columns, optionally who and a note. Blank rows are skipped. Every bad row
 * is reported (`line N: …`), not only the first. `defaultBy` fills an empty or absent 决定人.
 * Pure.
 * @example parseDecisionsCsv('案件编号,决定,备注\nduplicate:ab12,误报,同名不同人\n', 'li') // ok, one request
 */
export function parseDecisionsCsv(text: string, defaultBy: string | null): DecisionsParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false })
  const rows = parsed.data
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase())
  const col = (names: readonly string[]) => {
    const lowered = names.map((n) => n.toLowerCase())
    return header.findIndex((h) => lowered.includes(h))
  }
  const at = {
    caseKey: col(headerAliases.caseKey),
    decision: col(headerAliases.decision),
    by: col(headerAliases.by),
    note: col(headerAliases.note),
  }
  const missing = [
    ...(at.caseKey < 0 ? [headerAliases.caseKey[0]] : []),
    ...(at.decision < 0 ? [headerAliases.decision[0]] : []),
  ]
  if (missing.length > 0) return { ok: false, missingColumns: missing }
  const requests: DecisionRequest[] = []
  const problems: string[] = []
  rows.slice(1).forEach((row, i) => {
    const line = i + 2
    const cell = (k: number) => (k < 0 ? '' : (row[k] ?? '').trim())
    if (row.every((c) => c.trim() === '')) return
    const r = checkDecision({
      line,
      caseKey: cell(at.caseKey),
      decision: cell(at.decision),
      by: cell(at.by) || defaultBy || '',
      note: cell(at.note),
    })
    if (r.ok) requests.push(r.request)
    else problems.push(...r.problems.map((p) => `line ${line}: ${p}`))
  })
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, requests }
}

/**
 * Checks one decision as typed: a case key, a known decision, who, and a note for a false
 * positive (the next officer must see why it was dismissed). Pure.
 */
export function checkDecision(input: {
  readonly line?: number
  readonly caseKey: string
  readonly decision: string
  readonly by: string
  readonly note: string
}):
  | { readonly ok: true; readonly request: DecisionRequest }
  | { readonly ok: false; readonly problems: readonly string[] } {
  const problems: string[] = []
  const decision = parseCaseDecision(input.decision)
  if (input.caseKey === '') problems.push('no case key')
  if (decision === null)
    problems.push(
      `decision ${JSON.stringify(input.decision)} is not one of ${caseDecisions
        .map((d) => `${d} (${caseDecisionZh[d]})`)
        .join(', ')}`,
    )
  if (input.by === '') problems.push('no one named as deciding (give --by, or set $USER)')
  if (decision === 'false-positive' && input.note === '')
    problems.push('a false positive needs a note saying why (--note, or the 备注 column)')
  if (problems.length > 0 || decision === null) return { ok: false, problems }
  return {
    ok: true,
    request: {
      ...(input.line === undefined ? {} : { line: input.line }),
      caseKey: input.caseKey,
      decision,
      by: input.by,
      note: input.note === '' ? null : input.note,
    },
  }
}
