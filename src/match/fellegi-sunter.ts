import { nullLevel } from './comparison.js'

/**
 * Trained parameters of one comparison, indexed by level value (0 = else … best). Plain data,
 * so a model round-trips through JSON.
 */
export interface ComparisonParameters {
  readonly name: string
  /** m[level] = P(level | match). */
  readonly m: readonly number[]
  /** u[level] = P(level | non-match). */
  readonly u: readonly number[]
  /** Level whose u a term frequency replaces (the exact level), or null for none. */
  readonly tfLevel: number | null
  /** Floor under a term-frequency u (Splink's tf_minimum_u_value), so a rare value cannot dominate. */
  readonly tfMinimumU: number
}

/** A Fellegi–Sunter model: prior λ and per-comparison m/u. */
export interface FellegiSunterModel {
  /** λ: prior probability that a candidate pair is a match, 0 < λ < 1. */
  readonly lambda: number
  readonly comparisons: readonly ComparisonParameters[]
}

/** Bayes factor of one level: m / u (how many times likelier under match than non-match). */
export function bayesFactor(m: number, u: number): number {
  return m / u
}

/** Match weight of one level in bits: log2(m / u). */
export function matchWeight(m: number, u: number): number {
  return Math.log2(m / u)
}

/** The prior expressed as a match weight in bits: log2(λ / (1 − λ)). */
export function priorMatchWeight(lambda: number): number {
  return Math.log2(lambda / (1 - lambda))
}

/** Posterior match probability of a total match weight w (bits): 2^w / (1 + 2^w). */
export function probabilityFromMatchWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight)
}

/**
 * Term-frequency-adjusted u, Splink's formula: u' = uLevel · (max(tf, minimumU) / uExact)^weight.
 * `tf` is the share of records holding the agreeing value (e.g. 王伟 in 0.4 % of records gives
 * 0.004); `uExact` is the comparison's average u at its exact level. On the exact level itself
 * (uLevel = uExact, weight 1) this is simply max(tf, minimumU): agreeing on a common name is as
 * likely by chance as that name is common. `weight` in [0, 1] applies part of the adjustment to a
 * fuzzy level. A NaN tf (value unknown) leaves u unchanged.
 */
export function tfAdjustedU(uLevel: number, tf: number, uExact: number, weight = 1, minimumU = 0): number {
  if (Number.isNaN(tf)) return uLevel
  return uLevel * (Math.max(tf, minimumU) / uExact) ** weight
}

/**
 * Total match weight (bits, prior included) of a comparison vector. `tf[c]`, when given and not
 * NaN, is the term frequency of the value agreed on by comparison c; it is used only when the
 * pair sits on that comparison's tfLevel. Null levels (-1) add 0.
 */
export function scoreComparisonVector(
  model: FellegiSunterModel,
  vector: ArrayLike<number>,
  tf?: ArrayLike<number>,
): number {
  let weight = priorMatchWeight(model.lambda)
  for (let c = 0; c < model.comparisons.length; c++) {
    const level = vector[c] as number
    if (level === nullLevel) continue
    const p = model.comparisons[c] as ComparisonParameters
    weight += Math.log2((p.m[level] as number) / effectiveU(p, level, tf?.[c]))
  }
  return weight
}

/** One comparison's step in a waterfall chart. */
export interface Contribution {
  readonly comparison: string
  /** Level value; -1 for null. */
  readonly level: number
  readonly m: number
  /** u after any term-frequency adjustment. */
  readonly u: number
  readonly tfAdjusted: boolean
  readonly bayesFactor: number
  /** log2(bayesFactor) in bits; 0 for null. */
  readonly weight: number
}

/** A pair's score broken down for reports: prior, one contribution per comparison, total. */
export interface MatchExplanation {
  readonly priorWeight: number
  readonly contributions: readonly Contribution[]
  readonly matchWeight: number
  readonly probability: number
}

/** Same result as scoreComparisonVector, with each comparison's contribution (for waterfalls). */
export function explainComparisonVector(
  model: FellegiSunterModel,
  vector: ArrayLike<number>,
  tf?: ArrayLike<number>,
): MatchExplanation {
  const priorWeight = priorMatchWeight(model.lambda)
  let total = priorWeight
  const contributions = model.comparisons.map((p, c): Contribution => {
    const level = vector[c] as number
    if (level === nullLevel) {
      return { comparison: p.name, level, m: 1, u: 1, tfAdjusted: false, bayesFactor: 1, weight: 0 }
    }
    const m = p.m[level] as number
    const u = effectiveU(p, level, tf?.[c])
    const weight = Math.log2(m / u)
    total += weight
    const tfAdjusted = u !== p.u[level]
    return { comparison: p.name, level, m, u, tfAdjusted, bayesFactor: m / u, weight }
  })
  return { priorWeight, contributions, matchWeight: total, probability: probabilityFromMatchWeight(total) }
}

function effectiveU(p: ComparisonParameters, level: number, tf: number | undefined): number {
  const u = p.u[level] as number
  if (tf === undefined || level !== p.tfLevel) return u
  return tfAdjustedU(u, tf, u, 1, p.tfMinimumU)
}
