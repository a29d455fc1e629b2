/**
 * Turns level counts into probabilities, each at least `floor`, summing to 1. All-zero counts
 * give a uniform distribution.
 */
export function probabilitiesWithFloor(counts: ArrayLike<number>, floor: number): number[] {
  const size = counts.length
  let total = 0
  for (let l = 0; l < size; l++) total += counts[l] as number
  if (total === 0) return Array.from({ length: size }, () => 1 / size)
  const floored = Array.from({ length: size }, (_, l) => Math.max((counts[l] as number) / total, floor))
  const sum = floored.reduce((a, b) => a + b, 0)
  return floored.map((p) => p / sum)
}
