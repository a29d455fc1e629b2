import type { Comparison } from './comparison.js'
import {
  birthDateComparison,
  chineseNameComparison,
  residentIdComparison,
  sexComparison,
} from './comparison-presets.js'

/**
 * The comparison presets a pipeline may name under `matching.comparisons`, each reading the
 * `record` table's columns. Closed on purpose, like the blocking keys: a pipeline picks
 * comparisons, it does not define levels.
 */
export const namedComparisons = ['residentId', 'chineseName', 'birthDate', 'sex'] as const

/** A preset name, e.g. 'chineseName'. */
export type NamedComparison = (typeof namedComparisons)[number]

/**
 * The comparison a preset name stands for, with the preset's defaults.
 * @example namedComparison('birthDate').levels.length // 5: exact … else
 */
export function namedComparison(name: NamedComparison): Comparison {
  switch (name) {
    case 'residentId':
      return residentIdComparison() as Comparison
    case 'chineseName':
      return chineseNameComparison() as Comparison
    case 'birthDate':
      return birthDateComparison() as Comparison
    case 'sex':
      return sexComparison() as Comparison
  }
}
