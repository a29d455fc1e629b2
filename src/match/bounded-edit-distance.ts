/**
 * The Levenshtein distance of `a` and `b` (insertions, deletions, substitutions of UTF-16 units)
 * when it is at most `bound`, else `bound + 1`: min(levenshtein(a, b), bound + 1).
 *
 * Why not fast-levenshtein alone: u is estimated on a million random pairs, nearly all far apart,
 * and the full table costs |a|·|b| cells for each. Here the common prefix and suffix are dropped,
 * only the diagonal band of width 2·bound + 1 is filled (Ukkonen), and the scan stops at the
 * first row whose every cell exceeds the bound, typically after bound + 1 rows on a random pair.
 * Property-tested equal to fast-levenshtein capped at bound + 1.
 * @example boundedEditDistance('smith', 'smyth', 2) // 1; ('smith', 'jones', 2) // 3
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (a === b) return 0
  let start = 0
  let endA = a.length
  let endB = b.length
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  const n = endA - start
  const m = endB - start
  if (Math.abs(n - m) > bound) return bound + 1
  if (n === 0) return m
  if (m === 0) return n
  const over = bound + 1
  // row[j] = distance of a[start, start + i) and b[start, start + j); cells outside the band are `over`.
  if (rowA.length <= m) {
    rowA = new Int32Array(2 * (m + 1))
    rowB = new Int32Array(2 * (m + 1))
  }
  let previous = rowA
  let current = rowB
  for (let j = 0; j <= m; j++) previous[j] = j <= bound ? j : over
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - bound)
    const to = Math.min(m, i + bound)
    current[from - 1] = from === 1 && i <= bound ? i : over
    let rowMin = current[from - 1] as number
    const ca = a.charCodeAt(start + i - 1)
    for (let j = from; j <= to; j++) {
      const substitute = (previous[j - 1] as number) + (ca === b.charCodeAt(start + j - 1) ? 0 : 1)
      const remove = (previous[j] as number) + 1
      const insert = (current[j - 1] as number) + 1
      let d = substitute < remove ? substitute : remove
      if (insert < d) d = insert
      if (d > over) d = over
      current[j] = d
      if (d < rowMin) rowMin = d
    }
    if (to < m) current[to + 1] = over
    if (rowMin > bound) return over
    const swap = previous
    previous = current
    current = swap
  }
  const d = previous[m] as number
  return d > bound ? over : d
}

// Two rows reused across calls (grown on demand): allocating them per pair cost more than the
// band itself on short strings. Safe: JavaScript runs one call at a time per thread.
let rowA = new Int32Array(64)
let rowB = new Int32Array(64)
