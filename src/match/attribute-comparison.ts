import { attributeRecordKey } from '../domain/attribute.js'
import { boundedEditDistance } from './bounded-edit-distance.js'
import { dayMonthSwapped, withinDays } from './comparators/birth-date.js'
import { exactMatch } from './comparators/exact.js'
import { type Comparison, type ComparisonLevel, defineComparison, maxLevels } from './comparison.js'

/**
 * One level of a comparison over an attribute, as data (a pipeline writes these):
 * - `exact`: the normalized values are equal;
 * - `levenshtein`: at most `max` Levenshtein edits apart (fast-levenshtein, UTF-16 units);
 * - `withinDays`: both are YYYY-MM-DD dates at most `days` calendar days apart;
 * - `dayMonthSwapped`: both are YYYY-MM-DD dates of one year with month and day swapped;
 * - `prefix`: the first `length` characters are equal (a date's year-month is `prefix: 7`),
 *   both values having at least that many.
 */
export type AttributeLevel =
  | { readonly kind: 'exact' }
  | { readonly kind: 'levenshtein'; readonly max: number }
  | { readonly kind: 'withinDays'; readonly days: number }
  | { readonly kind: 'dayMonthSwapped' }
  | { readonly kind: 'prefix'; readonly length: number }

/** A comparison over one attribute: its levels best first (`else` is added), and whether exact agreement is weighed by how common the value is. */
export interface AttributeComparisonSpec {
  /** Output name of the comparison (model files, reports); by default the attribute's name. */
  readonly name: string
  readonly attribute: string
  readonly levels: readonly AttributeLevel[]
  /**
   * Term-frequency adjustment on the `exact` level (which must be listed): agreeing on a value
   * one record in 1,000 holds counts for more than agreeing on one in 10 (Splink's tf).
   */
  readonly termFrequency: boolean
}

/**
 * The comparison a spec declares. A record's value is its `attr.<attribute>` entry; null (the
 * attribute missing or empty) gives the null level, which carries no evidence. Levels are
 * checked in order, the first that holds wins, so list them most to least similar.
 * @throws RangeError for more than 14 levels or a term-frequency adjustment without an `exact`
 *   level (pipeline validation rejects both first).
 * @example attributeComparison({ name: 'surname', attribute: 'surname', termFrequency: false,
 *   levels: [{ kind: 'exact' }, { kind: 'levenshtein', max: 2 }] }).levels.length // 3
 */
export function attributeComparison(spec: AttributeComparisonSpec): Comparison<string> {
  if (spec.levels.length + 1 > maxLevels) {
    throw new RangeError(
      `Comparison ${spec.name} has ${spec.levels.length + 1} levels; at most ${maxLevels}.`,
    )
  }
  const key = attributeRecordKey(spec.attribute)
  const exactAt = spec.levels.findIndex((l) => l.kind === 'exact')
  if (spec.termFrequency && exactAt < 0) {
    throw new RangeError(`Comparison ${spec.name}: a term-frequency adjustment needs an exact level.`)
  }
  return defineComparison<string>({
    name: spec.name,
    fields: [key],
    prepare: (r) => {
      const v = r[key]
      return v === undefined || v === '' ? null : v
    },
    levels: spec.levels.map(attributeLevel(editDistanceOnce(largestEdits(spec.levels)))),
    // Level values count down from the best: with n written levels plus else, index i is n - i.
    termFrequency: spec.termFrequency ? { level: spec.levels.length - exactAt, key: (v) => v } : null,
  })
}

/** The largest `levenshtein` bound among the levels (0 without such a level). */
function largestEdits(levels: readonly AttributeLevel[]): number {
  return levels.reduce((most, l) => (l.kind === 'levenshtein' && l.max > most ? l.max : most), 0)
}

/**
 * A Levenshtein distance, exact up to `bound` (above it: bound + 1, boundedEditDistance), that
 * remembers the last pair it measured: the levels of one comparison are tried in turn on the
 * same pair (`levenshtein: 1`, then `levenshtein: 2`), so it is computed once per pair, not once
 * per level. Deterministic; one per comparison, not shared across threads.
 */
export function editDistanceOnce(bound: number): (a: string, b: string) => number {
  let lastA: string | null = null
  let lastB: string | null = null
  let last = 0
  return (a, b) => {
    if (a !== lastA || b !== lastB) {
      lastA = a
      lastB = b
      last = boundedEditDistance(a, b, bound)
    }
    return last
  }
}

/**
 * The predicate of one declared level, with its label and code; Levenshtein levels measure
 * through `distance` (editDistanceOnce() of their comparison).
 */
export function attributeLevel(
  distance: (a: string, b: string) => number = editDistanceOnce(5),
): (level: AttributeLevel) => ComparisonLevel<string> {
  return (level) => levelOf(level, distance)
}

function levelOf(level: AttributeLevel, distance: (a: string, b: string) => number): ComparisonLevel<string> {
  switch (level.kind) {
    case 'exact':
      return { label: 'exact', code: 'exact', matches: exactMatch }
    case 'levenshtein':
      return {
        label: `within ${level.max} edit${level.max === 1 ? '' : 's'}`,
        code: `lev${level.max}`,
        // Lengths differing by more than max edits rule the pair out without measuring.
        matches: (a, b) => Math.abs(a.length - b.length) <= level.max && distance(a, b) <= level.max,
      }
    case 'withinDays':
      return {
        label: `within ${level.days} days`,
        code: `days${level.days}`,
        matches: withinDays(level.days),
      }
    case 'dayMonthSwapped':
      return { label: 'day and month swapped', code: 'dmswap', matches: dayMonthSwapped }
    case 'prefix':
      return {
        label: `first ${level.length} characters equal`,
        code: `prefix${level.length}`,
        matches: samePrefix(level.length),
      }
  }
}

/** Both strings have at least `length` UTF-16 units and agree on the first `length`. */
export function samePrefix(length: number): (a: string, b: string) => boolean {
  return (a, b) => {
    if (a.length < length || b.length < length) return false
    for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false
    return true
  }
}
