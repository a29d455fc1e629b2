import { type AttributeComparisonSpec, attributeComparison } from './attribute-comparison.js'
import type { Comparison } from './comparison.js'
import {
  birthDateComparison,
  chineseNameComparison,
  homeAddressComparison,
  residentIdComparison,
  sexComparison,
} from './comparison-presets.js'

/**
 * The comparison presets a pipeline may name under `matching.comparisons`, each reading the
 * `record` table's columns. Closed on purpose, like the blocking keys: a pipeline picks
 * presets for the canonical fields, and declares levels only over its own attributes
 * (attribute-comparison.ts), from a closed set of level kinds.
 */
export const namedComparisons = ['residentId', 'chineseName', 'birthDate', 'sex', 'homeAddress'] as const

/**
 * What a pipeline without `matching.comparisons` is scored on: every preset but homeAddress,
 * which a pipeline names when its sources carry addresses worth comparing (a source without
 * any would give the comparison nothing but nulls).
 */
export const defaultComparisons: readonly NamedComparison[] = [
  'residentId',
  'chineseName',
  'birthDate',
  'sex',
]

/** A preset name, e.g. 'chineseName'. */
export type NamedComparison = (typeof namedComparisons)[number]

/** One entry of `matching.comparisons`, resolved: a preset's name or a comparison over an attribute. */
export type ComparisonSpec = NamedComparison | AttributeComparisonSpec

/**
 * The comparison a preset name stands for, with the preset's defaults, or the comparison an
 * attribute spec declares.
 * @example namedComparison('birthDate').levels.length // 5: exact … else
 */
export function namedComparison(spec: ComparisonSpec): Comparison {
  if (typeof spec !== 'string') return attributeComparison(spec) as Comparison
  switch (spec) {
    case 'residentId':
      return residentIdComparison() as Comparison
    case 'chineseName':
      return chineseNameComparison() as Comparison
    case 'birthDate':
      return birthDateComparison() as Comparison
    case 'sex':
      return sexComparison() as Comparison
    case 'homeAddress':
      return homeAddressComparison() as Comparison
  }
}

/** The output name a spec's comparison will have, without building it (for validation). */
export function comparisonSpecName(spec: ComparisonSpec): string {
  return typeof spec === 'string' ? namedComparison(spec).name : spec.name
}
