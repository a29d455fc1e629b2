/**
 * A record as comparisons read it: stored column name → normalized text or null, e.g. the
 * `record` table's `id_norm`, `id_status`, `name_norm`, `name_pinyin`, `sex`, `birth_date`.
 */
export type MatchRecord = Readonly<Record<string, string | null>>

/** One level of a comparison: a named predicate on two prepared, non-null values. */
export interface ComparisonLevel<V> {
  /** Shown in reports and the review UI, e.g. 'same pinyin (homophone)'. */
  readonly label: string
  /** Short stable code for model files and pattern tables, e.g. 'pinyin'. */
  readonly code: string
  /** Pure and symmetric; never sees null (the null level does). */
  matches(l: V, r: V): boolean
}

/** The value-based position of the term-frequency level, and the key its frequencies are counted on. */
export interface TermFrequencyLevel<V> {
  /** Level value (0 = else) whose u the value's frequency replaces: the exact level. */
  readonly level: number
  key(value: V): string
}

/**
 * How two records are scored on one aspect, Splink style: levels most to least similar, the
 * first that matches wins; the last level is always `else`. Values are prepared once per record
 * (`prepare`) so that scoring a pair allocates nothing.
 */
export interface Comparison<V = unknown> {
  /** Output name, e.g. 'name'; also the key of this comparison's parameters in a model. */
  readonly name: string
  /** The record fields `prepare` reads. */
  readonly fields: readonly string[]
  /** Comparable value of one record, or null when the record lacks it (then the level is -1). */
  prepare(record: MatchRecord): V | null
  /** Best first; the last is the `else` level. At most 15 levels, so a level fits in 4 bits. */
  readonly levels: readonly ComparisonLevel<V>[]
  readonly termFrequency: TermFrequencyLevel<V> | null
}

/** The level of a pair where either value is null: it carries no evidence (match weight 0). */
export const nullLevel = -1

/** The largest number of levels (else included) a comparison may have: see pattern-key.ts. */
export const maxLevels = 15

/** Matches anything: the last level of every comparison. */
export const elseLevel: ComparisonLevel<unknown> = { label: 'else', code: 'else', matches: () => true }

/**
 * Assembles a comparison from its levels, best first, without `else`, which is appended.
 * @throws RangeError when there are more than 14 levels (a preset bug, not a data problem).
 */
export function defineComparison<V>(spec: {
  readonly name: string
  readonly fields: readonly string[]
  readonly prepare: (record: MatchRecord) => V | null
  readonly levels: readonly ComparisonLevel<V>[]
  readonly termFrequency?: TermFrequencyLevel<V> | null
}): Comparison<V> {
  if (spec.levels.length + 1 > maxLevels) {
    throw new RangeError(
      `Comparison ${spec.name} has ${spec.levels.length + 1} levels; at most ${maxLevels}.`,
    )
  }
  return {
    name: spec.name,
    fields: spec.fields,
    prepare: spec.prepare,
    levels: [...spec.levels, elseLevel],
    termFrequency: spec.termFrequency ?? null,
  }
}

/**
 * The level of a pair: -1 when either value is null, otherwise counted so that `else` is 0 and
 * the best level is `levels.length - 1` (Splink's comparison_vector_value convention).
 * @example comparisonLevel(sexComparison(), 'male', 'male') // 1; ('male', 'female') → 0
 */
export function comparisonLevel<V>(c: Comparison<V>, l: V | null, r: V | null): number {
  if (l === null || r === null) return nullLevel
  const levels = c.levels
  const last = levels.length - 1
  for (let i = 0; i < last; i++) {
    if ((levels[i] as ComparisonLevel<V>).matches(l, r)) return last - i
  }
  return 0
}
