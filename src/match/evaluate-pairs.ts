import type { MatchRecord } from './comparison.js'
import { validResidentId } from './link-period.js'

/** Pair counts and rates of one prediction against the truth. */
export interface PairScores {
  readonly predicted: number
  readonly truePairs: number
  readonly truePositives: number
  /** TP / predicted; null when nothing was predicted. */
  readonly precision: number | null
  /** TP / true pairs; null when there are no true pairs. */
  readonly recall: number | null
  /** Harmonic mean of precision and recall; null when either is null or both are 0. */
  readonly f1: number | null
}

/** Scores on all pairs, and on the pairs an exact-ID match cannot find. */
export interface PairEvaluation {
  readonly all: PairScores
  /**
   * Restricted to pairs (predicted and true) whose two records do not share a valid resident ID:
   * the IDs differ, or one is missing or invalid. The exact-ID baseline finds none of these.
   */
  readonly idsDifferOrMissing: PairScores
}

/**
 * The canonical key of a pair of record keys: the two in code-unit order, joined by a space
 * (record keys such as `file:line:role` hold none).
 * @example pairKey('b.csv:3:subject', 'a.csv:9:wife') // 'a.csv:9:wife b.csv:3:subject'
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`
}

/**
 * Pair precision, recall and F1 of `predicted` against `truth` (both sets of pairKey keys), on
 * all pairs and on those whose records do not share a valid ID (`records` maps each record key
 * to the record's `id_norm` and `id_status`; a record it lacks counts as without an ID).
 */
export function evaluatePairs(
  predicted: ReadonlySet<string>,
  truth: ReadonlySet<string>,
  records: ReadonlyMap<string, MatchRecord>,
): PairEvaluation {
  const hard = (key: string): boolean => {
    const space = key.indexOf(' ')
    const a = records.get(key.slice(0, space))
    const b = records.get(key.slice(space + 1))
    const idA = a === undefined ? null : validResidentId(a)
    return idA === null || b === undefined || idA !== validResidentId(b)
  }
  return {
    all: scores(predicted, truth, () => true),
    idsDifferOrMissing: scores(predicted, truth, hard),
  }
}

/**
 * The exact-ID baseline: every pair of records with the same valid resident ID (`records`
 * maps record key → record), as pairKey keys.
 */
export function exactIdPairs(records: ReadonlyMap<string, MatchRecord>): Set<string> {
  const byId = new Map<string, string[]>()
  for (const [key, record] of records) {
    const id = validResidentId(record)
    if (id === null) continue
    const group = byId.get(id)
    if (group === undefined) byId.set(id, [key])
    else group.push(key)
  }
  const pairs = new Set<string>()
  for (const group of byId.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) pairs.add(pairKey(group[i] as string, group[j] as string))
    }
  }
  return pairs
}

/** The pair scores of one pair of sources (the same source twice for pairs within it). */
export interface SourcePairScores extends PairScores {
  /** The two source names, in code-unit order. */
  readonly sources: readonly [string, string]
}

/**
 * Pair precision, recall and F1 per pair of sources: each predicted and true pair counts for the
 * sources of its two records (`sourceOf` maps a record key to its source name). Every source pair
 * holding a predicted or true pair is listed, sorted by the sources' names.
 * @example evaluateBySourcePair(links, truth, (k) => k.split(':')[0]) // [{ sources: ['a', 'b'], … }]
 */
export function evaluateBySourcePair(
  predicted: ReadonlySet<string>,
  truth: ReadonlySet<string>,
  sourceOf: (recordKey: string) => string,
): SourcePairScores[] {
  const pairOf = (key: string): string => {
    const space = key.indexOf(' ')
    const a = sourceOf(key.slice(0, space))
    const b = sourceOf(key.slice(space + 1))
    return a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`
  }
  const groups = new Set<string>()
  for (const key of predicted) groups.add(pairOf(key))
  for (const key of truth) groups.add(pairOf(key))
  return [...groups].sort().map((group) => {
    const [a, b] = group.split('\u0000') as [string, string]
    return { sources: [a, b], ...scores(predicted, truth, (key) => pairOf(key) === group) }
  })
}

function scores(
  predicted: ReadonlySet<string>,
  truth: ReadonlySet<string>,
  counted: (key: string) => boolean,
): PairScores {
  let predictedCount = 0
  let truePositives = 0
  for (const key of predicted) {
    if (!counted(key)) continue
    predictedCount++
    if (truth.has(key)) truePositives++
  }
  let truePairs = 0
  for (const key of truth) if (counted(key)) truePairs++
  const precision = predictedCount === 0 ? null : truePositives / predictedCount
  const recall = truePairs === 0 ? null : truePositives / truePairs
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall)
  return { predicted: predictedCount, truePairs, truePositives, precision, recall, f1 }
}
