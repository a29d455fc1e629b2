import levenshtein from 'fast-levenshtein'
import { type MissingColumn, MissingColumnError } from '../errors/ingest-errors.js'
import type { TableHeader } from './table-source.js'

/** A column a source profile asks for: the field it feeds and the header it is expected under. */
export interface WantedColumn {
  readonly key: string
  readonly header: string
  /** Absent optional columns are left out of the map instead of failing. */
  readonly optional?: boolean
}

/**
 * A header in the form headers are compared in: NFKC (full-width letters, digits and spaces to
 * half-width) with all whitespace removed, since exports write `身份证号`, `身份证号 ` and `身 份 证 号`.
 * @example foldHeader(' 身份 证号（ＩＤ） ') // '身份证号(ID)'
 */
export function foldHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '')
}

/**
 * Finds each wanted column in an export's header row, comparing folded headers. When a header
 * appears twice, the first one counts.
 *
 * @returns field key → 0-based column index; absent optional columns are not in the map
 * @throws MissingColumnError listing every absent required column at once, each with the found
 *   header nearest to it (edit distance over folded text, among headers no other field took)
 */
export function mapHeaders(header: TableHeader, wanted: readonly WantedColumn[]): Map<string, number> {
  const folded = header.headers.map(foldHeader)
  const indexOf = new Map<string, number>()
  folded.forEach((h, i) => {
    if (!indexOf.has(h)) indexOf.set(h, i)
  })

  const map = new Map<string, number>()
  const absent: WantedColumn[] = []
  for (const w of wanted) {
    const i = indexOf.get(foldHeader(w.header))
    if (i !== undefined) map.set(w.key, i)
    else if (!w.optional) absent.push(w)
  }
  if (absent.length === 0) return map

  const taken = new Set(map.values())
  const missing = absent.map((w): MissingColumn => {
    const closest = closestHeader(foldHeader(w.header), folded, taken)
    return closest === undefined
      ? { field: w.key, header: w.header }
      : { field: w.key, header: w.header, closest: header.headers[closest] }
  })
  throw new MissingColumnError(header.file, header.line, missing, header.headers)
}

/** Index of the untaken header nearest to `target`; none when even the nearest shares nothing with it. */
function closestHeader(
  target: string,
  folded: readonly string[],
  taken: ReadonlySet<number>,
): number | undefined {
  let best: number | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  folded.forEach((h, i) => {
    if (taken.has(i) || h === '') return
    const d = levenshtein.get(target, h)
    if (d < bestDistance && d < Math.max(target.length, h.length)) {
      best = i
      bestDistance = d
    }
  })
  return best
}
