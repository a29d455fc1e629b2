import type { MatchRecord } from './comparison.js'
import { comparisonVector } from './comparison-vector.js'
import type { LinkInput } from './link-input.js'
import { namedComparison } from './named-comparison.js'
import { prepareRecords } from './prepare-records.js'

/**
 * The comparison levels of some pairs, as text: one level number per comparison in the
 * pipeline's order, comma-separated, -1 where a side is missing (e.g. `5,3,-1,1`). With the
 * model's m and u per level this is enough to rebuild each comparison's share of a pair's
 * match weight (a waterfall explanation) without the records.
 * Prepares the records first; after a link, preparedPairLevels on its `input` does not.
 * @example pairLevels(records, ['residentId', 'sex'], [0], [1]) // ['6,1']
 */
export function pairLevels(
  records: readonly MatchRecord[],
  names: readonly Parameters<typeof namedComparison>[0][],
  left: ArrayLike<number>,
  right: ArrayLike<number>,
): string[] {
  const comparisons = names.map(namedComparison)
  return preparedPairLevels({ comparisons, prepared: prepareRecords(records, comparisons) }, left, right)
}

/**
 * pairLevels from comparisons already prepared over the records, e.g. a LinkResult's `input`:
 * preparing a quarter of a million records again cost about 1.7 s of CPU per `bidui link`.
 */
export function preparedPairLevels(
  input: Pick<LinkInput, 'comparisons' | 'prepared'>,
  left: ArrayLike<number>,
  right: ArrayLike<number>,
): string[] {
  const { comparisons, prepared } = input
  const vector = new Int8Array(comparisons.length)
  const out: string[] = new Array(left.length)
  for (let k = 0; k < left.length; k++) {
    out[k] = comparisonVector(comparisons, prepared, left[k] as number, right[k] as number, vector).join(',')
  }
  return out
}
