import type { Case } from '../reconcile/case.js'
import { compareText } from '../reconcile/reconcile-context.js'

/**
 * The golden file of `bidui check`: the cases a pipeline raises on its fixture exports, one row
 * per case, as a person reviews them when they change. Rows are sorted by case key (the check
 * id leads it, so a check's cases stand together) and carry only what is stable and readable:
 * the key, the check, the community, the 待人工确认 flag and the records' `file:line:role`.
 */
export interface ExpectedCase {
  readonly key: string
  readonly check: string
  /** Community code, or null for 未能定位. */
  readonly community: string | null
  readonly review: boolean
  /** The subject records, then ` | ` and the counterparts (e.g. the register record still 未婚). */
  readonly subjects: readonly string[]
  readonly counterparts: readonly string[]
}

export const expectedCasesHeader = ['case_key', 'check', 'community', 'review', 'subjects', 'counterparts']

export function expectedCasesOf(cases: readonly Case[]): ExpectedCase[] {
  return cases
    .map((c) => ({
      key: c.key,
      check: c.checkId,
      community: c.community,
      review: c.review,
      subjects: c.records.filter((r) => r.part === 'subject').map((r) => r.ref),
      counterparts: c.records.filter((r) => r.part === 'counterpart').map((r) => r.ref),
    }))
    .sort((a, b) => compareText(a.key, b.key))
}

/** UTF-8 CSV without a BOM, LF line ends: diffs well in git. No value holds a comma or quote. */
export function formatExpectedCases(rows: readonly ExpectedCase[]): string {
  const lines = rows.map((r) =>
    [
      r.key,
      r.check,
      r.community ?? '',
      r.review ? 'yes' : 'no',
      r.subjects.join(' '),
      r.counterparts.join(' '),
    ].join(','),
  )
  return `${[expectedCasesHeader.join(','), ...lines].join('\n')}\n`
}

/**
 * Parses a golden file written by formatExpectedCases (a hand-edited one too: blank lines and a
 * BOM are ignored).
 * @throws RangeError naming the line when a row has the wrong number of cells or header.
 */
export function parseExpectedCases(text: string): ExpectedCase[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if ((lines[0] ?? '') !== expectedCasesHeader.join(','))
    throw new RangeError(`line 1: the header must be ${expectedCasesHeader.join(',')}`)
  const rows: ExpectedCase[] = []
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === '') return
    const cells = line.split(',')
    if (cells.length !== expectedCasesHeader.length)
      throw new RangeError(
        `line ${k + 2}: ${cells.length} cells where ${expectedCasesHeader.length} are expected`,
      )
    const [key, check, community, review, subjects, counterparts] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    rows.push({
      key,
      check,
      community: community === '' ? null : community,
      review: review === 'yes',
      subjects: subjects.split(' ').filter((s) => s !== ''),
      counterparts: counterparts.split(' ').filter((s) => s !== ''),
    })
  })
  return rows
}

/** One case whose key is in both files but whose row differs. */
export interface ChangedCase {
  readonly before: ExpectedCase
  readonly after: ExpectedCase
  /** What changed, e.g. `community 410105001001 → 未能定位`. */
  readonly changes: readonly string[]
}

export interface GoldenDiff {
  /** Raised now, not in the golden file. */
  readonly added: readonly ExpectedCase[]
  /** In the golden file, not raised now. */
  readonly removed: readonly ExpectedCase[]
  readonly changed: readonly ChangedCase[]
}

export function diffExpectedCases(
  expected: readonly ExpectedCase[],
  actual: readonly ExpectedCase[],
): GoldenDiff {
  const before = new Map(expected.map((r) => [r.key, r]))
  const after = new Map(actual.map((r) => [r.key, r]))
  const changed: ChangedCase[] = []
  for (const a of actual) {
    const b = before.get(a.key)
    if (b === undefined) continue
    const changes = rowChanges(b, a)
    if (changes.length > 0) changed.push({ before: b, after: a, changes })
  }
  return {
    added: actual.filter((r) => !before.has(r.key)),
    removed: expected.filter((r) => !after.has(r.key)),
    changed,
  }
}

export function goldenDiffSize(d: GoldenDiff): number {
  return d.added.length + d.removed.length + d.changed.length
}

function rowChanges(b: ExpectedCase, a: ExpectedCase): string[] {
  const out: string[] = []
  const shown = (c: string | null) => c ?? '未能定位'
  if (b.community !== a.community) out.push(`community ${shown(b.community)} → ${shown(a.community)}`)
  if (b.review !== a.review) out.push(`待人工确认 ${b.review ? 'yes' : 'no'} → ${a.review ? 'yes' : 'no'}`)
  if (b.subjects.join(' ') !== a.subjects.join(' '))
    out.push(`subjects ${b.subjects.join(' ')} → ${a.subjects.join(' ')}`)
  if (b.counterparts.join(' ') !== a.counterparts.join(' '))
    out.push(`counterparts ${b.counterparts.join(' ') || '-'} → ${a.counterparts.join(' ') || '-'}`)
  return out
}
