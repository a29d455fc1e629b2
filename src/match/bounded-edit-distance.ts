/**
 * The Levenshtein distance of `a` and `b` (insertions, deletions, substitutions of UTF-16 units)
 * when it is at most `bound`, else `bound + 1`: min(levenshtein(a, b), bound + 1).
 *
 * Why not fast-levenshtein alone: u is estimated on a million random pairs per comparison, and
 * its full table costs |a|·|b| cells, allocated afresh, for each. Here the common prefix and
 * suffix are dropped; when the shorter rest fits in 32 UTF-16 units (names, dates, postcodes) the
 * distance is computed bit-parallel (Myers 1999, in Hyyrö's form, as the fastest-levenshtein
 * package does), one word operation sequence per character; longer values fill only the diagonal
 * band of width 2·bound + 1 (Ukkonen) and stop at the first row whose every cell exceeds the bound.
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
  if (n <= 32 && n <= m) return Math.min(myers(a, start, endA, b, start, endB), bound + 1)
  if (m <= 32) return Math.min(myers(b, start, endB, a, start, endA), bound + 1)
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
      const d = Math.min(substitute, remove, insert, over)
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

// Bit masks of each UTF-16 unit's positions in the pattern; cleared after every call.
const peq = new Int32Array(0x10000)

/**
 * Levenshtein distance of p[pFrom, pTo) (1 to 32 units: the bit-vector pattern) and
 * t[tFrom, tTo), bit-parallel. Arithmetic is on 32-bit integers: `+` may pass 2^32, and the
 * following `^` truncates it back, which is exactly the carry the algorithm wants.
 */
function myers(p: string, pFrom: number, pTo: number, t: string, tFrom: number, tTo: number): number {
  const n = pTo - pFrom
  const last = 1 << (n - 1)
  let pv = -1
  let mv = 0
  let score = n
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(pFrom + i)
    peq[c] = (peq[c] as number) | (1 << i)
  }
  for (let j = tFrom; j < tTo; j++) {
    let eq = peq[t.charCodeAt(j)] as number
    const xv = eq | mv
    eq |= ((eq & pv) + pv) ^ pv
    mv |= ~(eq | pv)
    pv &= eq
    if (mv & last) score++
    if (pv & last) score--
    mv = (mv << 1) | 1
    pv = (pv << 1) | ~(xv | mv)
    mv &= xv
  }
  for (let i = 0; i < n; i++) peq[p.charCodeAt(pFrom + i)] = 0
  return score
}
