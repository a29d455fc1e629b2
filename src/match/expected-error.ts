/** Expected counts of one band of scored pairs, from their match probabilities. */
export interface BandError {
  readonly pairs: number
  /** Σ p: how many of the band's pairs are expected to be the same person. */
  readonly expectedTrue: number
  /** Σ (1 − p): how many are expected to be different people. */
  readonly expectedFalse: number
}

/** What accepting at one probability cutoff would cost. */
export interface CutoffError {
  readonly cutoff: number
  /** Pairs with p ≥ cutoff. */
  readonly accepted: number
  /** Σ (1 − p) over them: expected false links. */
  readonly expectedFalse: number
  /** Σ p over the scored pairs below the cutoff: expected true links left out. */
  readonly expectedMissed: number
}

/**
 * Expected errors of a linkage without truth. Only scored (blocked) pairs are counted: true
 * links that blocking never proposed are invisible here. The figures are only as good as the
 * probabilities are calibrated, and Fellegi–Sunter's independence assumption makes them
 * over-confident: on a generated 100,000-person month, scored against the generator's truth,
 * the accepted band held several times the false links Σ(1−p) gave, and the review band far
 * fewer true links than Σp. They help rank thresholds; they are not counts to report.
 */
export interface ExpectedError {
  readonly thresholds: { readonly accept: number; readonly review: number }
  /** p ≥ accept. */
  readonly accepted: BandError
  /** review ≤ p < accept. */
  readonly review: BandError
  /** p < review: the scored pairs dropped. */
  readonly rejected: BandError
  /** The same figures for other accept cutoffs, ascending, to help choose thresholds. */
  readonly cutoffs: readonly CutoffError[]
}

/** Cutoffs shown besides the pipeline's own thresholds. */
export const defaultCutoffs: readonly number[] = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999]

/**
 * Sums the probabilities of every scored pair into the accept, review and rejected bands, with
 * the same rule as linkRecords (p ≥ accept is accepted, else p ≥ review is for review), and into
 * the given cutoffs plus both thresholds.
 * @example expectedError([0.99, 0.6, 0.1], { accept: 0.95, review: 0.5 }).accepted.expectedFalse // ≈ 0.01
 */
export function expectedError(
  probability: ArrayLike<number>,
  thresholds: { readonly accept: number; readonly review: number },
  cutoffs: readonly number[] = defaultCutoffs,
): ExpectedError {
  const points = [...new Set([...cutoffs, thresholds.accept, thresholds.review])].sort((a, b) => a - b)
  const above = points.map(() => ({ pairs: 0, sumP: 0 }))
  const bands = { accepted: band(), review: band(), rejected: band() }
  let totalP = 0
  for (let k = 0; k < probability.length; k++) {
    const p = probability[k] as number
    totalP += p
    const b = p >= thresholds.accept ? bands.accepted : p >= thresholds.review ? bands.review : bands.rejected
    b.pairs++
    b.sumP += p
    for (let c = 0; c < points.length; c++) {
      if (p < (points[c] as number)) break
      const a = above[c] as { pairs: number; sumP: number }
      a.pairs++
      a.sumP += p
    }
  }
  return {
    thresholds: { accept: thresholds.accept, review: thresholds.review },
    accepted: finish(bands.accepted),
    review: finish(bands.review),
    rejected: finish(bands.rejected),
    cutoffs: points.map((cutoff, c) => {
      const a = above[c] as { pairs: number; sumP: number }
      return {
        cutoff,
        accepted: a.pairs,
        expectedFalse: a.pairs - a.sumP,
        expectedMissed: Math.max(0, totalP - a.sumP),
      }
    }),
  }
}

function band(): { pairs: number; sumP: number } {
  return { pairs: 0, sumP: 0 }
}

function finish(b: { pairs: number; sumP: number }): BandError {
  return { pairs: b.pairs, expectedTrue: b.sumP, expectedFalse: b.pairs - b.sumP }
}
