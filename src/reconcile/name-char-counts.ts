/**
 * How many persons of the period write each character in a name: the district's own evidence of
 * which characters are names' characters. A homophone or look-alike slip (李伟 → 李巍, 薛军 →
 * 薛车) usually puts a character that few names carry where a common one stood.
 */
export class NameCharCounts {
  readonly #counts = new Map<string, number>()

  /** names[i] is record i's name (or null), person[i] its person: each person counts a character once. */
  constructor(names: readonly (string | null)[], person: ArrayLike<number>) {
    const seen = new Set<string>()
    names.forEach((name, i) => {
      if (name === null) return
      for (const ch of new Set(name)) {
        const key = `${person[i] as number}\u0000${ch}`
        if (seen.has(key)) continue
        seen.add(key)
        this.#counts.set(ch, (this.#counts.get(ch) ?? 0) + 1)
      }
    })
  }

  count(ch: string): number {
    return this.#counts.get(ch) ?? 0
  }
}

/**
 * Whether `doubted` is likely a slip for `kept`: the two names differ in exactly one character,
 * and the character `kept` has there is at least `ratio` times as common among the district's
 * names as the one `doubted` has (counts plus one, so an unseen character is not infinitely
 * rare). Only a single-character difference is read this way: anything more is a different
 * name, not a typing slip.
 */
export function likelySlipFor(doubted: string, kept: string, counts: NameCharCounts, ratio: number): boolean {
  const a = [...doubted]
  const b = [...kept]
  if (a.length !== b.length) return false
  let at = -1
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue
    if (at >= 0) return false
    at = k
  }
  if (at < 0) return false
  return counts.count(b[at] as string) + 1 >= ratio * (counts.count(a[at] as string) + 1)
}
