// Each comparison takes 4 bits holding level + 1 (0 = null, 1 = else … 15), packed with
// multiplication rather than shifts so up to 13 comparisons fit in a double's 53 exact bits.
const radix = 16

/** The largest number of comparisons a pattern key can hold. */
export const maxPatternComparisons = 13

/**
 * Packs a comparison vector (levels -1…14, one per comparison) into one integer, the key of
 * pattern-count maps. Distinct vectors of the same length give distinct keys.
 * @example patternKey([2, -1, 0]) // 3 + 0 * 16 + 1 * 256 = 259
 */
export function patternKey(vector: ArrayLike<number>): number {
  let key = 0
  for (let c = vector.length - 1; c >= 0; c--) key = key * radix + ((vector[c] as number) + 1)
  return key
}

/** Unpacks a pattern key into the vector of `comparisonCount` levels it was made from. */
export function decodePatternKey(key: number, comparisonCount: number): Int8Array {
  const vector = new Int8Array(comparisonCount)
  let rest = key
  for (let c = 0; c < comparisonCount; c++) {
    const digit = rest % radix
    vector[c] = digit - 1
    rest = (rest - digit) / radix
  }
  return vector
}
