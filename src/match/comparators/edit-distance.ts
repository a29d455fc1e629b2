import levenshtein from 'fast-levenshtein'

/**
 * A predicate: the two strings are at most `maxEdits` Levenshtein edits apart (insertions,
 * deletions, substitutions of UTF-16 units). Strings whose lengths alone differ by more are
 * rejected before any table is built. Monotone: within k implies within k + 1.
 * @example withinEdits(1)('建设路12号', '建设路13号') // true
 */
export function withinEdits(maxEdits: number): (a: string, b: string) => boolean {
  return (a, b) => {
    if (a === b) return true
    if (Math.abs(a.length - b.length) > maxEdits) return false
    return levenshtein.get(a, b) <= maxEdits
  }
}
