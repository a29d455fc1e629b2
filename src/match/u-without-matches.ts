import { probabilitiesWithFloor } from './probabilities-with-floor.js'

/**
 * u with the matches taken out of it. u is counted on random pairs, and a random pair is a match
 * with probability λ, so the sample holds the mixture λ·m + (1 − λ)·u; this solves for u:
 * u[c][l] = (sample[c][l] − λ·m[c][l]) / (1 − λ), floored at `floor` and renormalised. Matters
 * where matches are most of the agreement: two random records share a valid resident ID about as
 * often as they are the same person (λ ≈ 3e-5 in a district of 20,000), so the raw u of `exact`
 * made an exact ID worth 15 bits instead of 20 or more.
 * @example uWithoutMatches([[0.99997, 0.00003]], [[0.01, 0.99]], 0.00002, 1e-6) // ≈ [[0.99999, 1.02e-5]]
 */
export function uWithoutMatches(
  sampled: readonly (readonly number[])[],
  m: readonly (readonly number[])[],
  lambda: number,
  floor: number,
): number[][] {
  return sampled.map((levels, c) => {
    const mc = m[c] as readonly number[]
    const counts = levels.map((p, l) => Math.max(0, (p - lambda * (mc[l] as number)) / (1 - lambda)))
    return probabilitiesWithFloor(counts, floor)
  })
}
