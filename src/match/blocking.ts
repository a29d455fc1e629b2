import { BlockingBudgetError } from '../errors/match-errors.js'
import { blockingBlockNumbers } from './blocking-block-numbers.js'
import type { BlockingRule } from './blocking-rule.js'
import { type Records, recordCount } from './record-columns.js'

/** How candidate pairs are made, and how many are allowed. */
export interface BlockingOptions {
  /**
   * Link mode: sourceOf[i] is record i's source, a small non-negative integer (0 for the left
   * registry, 1 for the right); two records of the same source never pair. Absent: dedupe, any
   * two records may pair. To link two arrays, concatenate them (left first) and pass 0s then 1s:
   * every pair then has its left record first.
   */
  readonly sourceOf?: ArrayLike<number>
  /**
   * With sourceOf: `across` (the default) pairs records of different sources only (link);
   * `within` pairs records of the same source only (dedupe each source on its own).
   */
  readonly sourcePairs?: SourcePairs
  /** Most pairs one rule's blocks may hold (`pairsInBlocks`), checked before any pair is made. */
  readonly maxPairsPerRule?: number
  /** Most candidate pairs in all, each counted once. */
  readonly maxPairs?: number
}

/** Which pairs of sources a run makes, given sourceOf: across sources (link) or within each. */
export type SourcePairs = 'across' | 'within'

/** What one rule contributed, in rule order. */
export interface BlockingRuleStats {
  readonly rule: string
  /**
   * Pairs within the rule's blocks, those an earlier rule made included: Σ C(size, 2) over
   * blocks (link mode: pairs across sources only). The work the rule costs; what the budget limits.
   */
  readonly pairsInBlocks: number
  /** Pairs this rule makes that no earlier rule made. */
  readonly pairsAdded: number
  /** Distinct pairs made by this rule and all earlier ones. */
  readonly cumulative: number
  /** Records in the rule's largest block (all sources). */
  readonly largestBlock: number
  /** Records with a null value for one of the rule's keys: in no block of this rule. */
  readonly recordsWithoutKey: number
}

/**
 * Candidate pairs as parallel arrays of record indices, left[k] < right[k], each pair once.
 * Pairs are grouped by the rule that first made them: rule r's pairs are those from
 * `stats[r - 1].cumulative` (0 for the first) up to `stats[r].cumulative`.
 */
export interface CandidatePairs {
  readonly left: Int32Array
  readonly right: Int32Array
  readonly stats: readonly BlockingRuleStats[]
}

/** A rule's counts from countBlockingPairs: pairs are not counted past a budget. */
export interface BlockingRuleCount extends Omit<BlockingRuleStats, 'pairsAdded' | 'cumulative'> {
  /** Null when the rule is over the per-rule budget: its pairs were not enumerated. */
  readonly pairsAdded: number | null
  /** Null from the first rule whose pairsAdded is null on. */
  readonly cumulative: number | null
  /** The budget this rule breaks, if any: a run with the same options would stop here. */
  readonly overBudget: 'rule' | 'total' | null
}

/**
 * Makes the candidate pairs of `records` under `rules`, in rule order. Per rule, records are
 * numbered by block (blocking-block-numbers.ts) and counting-sorted into blocks, and every pair
 * within a block is made unless an earlier rule also puts both records in one block (a check on
 * that rule's block numbers, so no set of pair keys is kept: on 1,000,000 records a Set<number>
 * of i·2^26 + j took longer than the blocking itself). Records with a null key value are in no
 * block. Output order is fixed by the input: rule by rule,
 * blocks in order of their first record, records ascending within a block.
 *
 * Every rule's `pairsInBlocks` is computed and checked against `maxPairsPerRule` before any pair
 * is made, so an over-budget rule costs seconds, not memory.
 * @throws BlockingBudgetError naming the first rule over `maxPairsPerRule`, or the rule at which
 *   the distinct pairs pass `maxPairs`.
 * @example blockPairs(records, [{ name: 'id', keys: ['id18'] }], { maxPairsPerRule: 5_000_000 })
 */
export function blockPairs(
  records: Records,
  rules: readonly BlockingRule[],
  options: BlockingOptions = {},
): CandidatePairs {
  const allBlocks = groupAll(records, rules, options.sourceOf, options.sourcePairs ?? 'across')
  const perRule = options.maxPairsPerRule ?? Number.POSITIVE_INFINITY
  const total = options.maxPairs ?? Number.POSITIVE_INFINITY
  allBlocks.forEach((blocks, r) => {
    if (blocks.pairsInBlocks > perRule) {
      throw new BlockingBudgetError((rules[r] as BlockingRule).name, blocks.pairsInBlocks, perRule, 'rule')
    }
  })
  const out = new PairBuffer(allBlocks.reduce((sum, blocks) => sum + blocks.pairsInBlocks, 0))
  const stats: BlockingRuleStats[] = []
  allBlocks.forEach((blocks, r) => {
    const rule = (rules[r] as BlockingRule).name
    const pairsAdded = enumerate(blocks, allBlocks.slice(0, r), out)
    if (out.length > total) throw new BlockingBudgetError(rule, out.length, total, 'total')
    stats.push({ ...summary(rule, blocks), pairsAdded, cumulative: out.length })
  })
  const [left, right] = out.result()
  return { left, right, stats }
}

/**
 * The statistics of blockPairs without keeping any pair: for `bidui blocking`, which shows what
 * each rule adds before anything is scored. Never throws on a budget: a rule over
 * `maxPairsPerRule` is reported (`overBudget: 'rule'`) and its pairs are not enumerated, which
 * could take hours; a rule at which the distinct pairs pass `maxPairs` gets `overBudget: 'total'`.
 */
export function countBlockingPairs(
  records: Records,
  rules: readonly BlockingRule[],
  options: BlockingOptions = {},
): BlockingRuleCount[] {
  const allBlocks = groupAll(records, rules, options.sourceOf, options.sourcePairs ?? 'across')
  const perRule = options.maxPairsPerRule ?? Number.POSITIVE_INFINITY
  const total = options.maxPairs ?? Number.POSITIVE_INFINITY
  let cumulative: number | null = 0
  return allBlocks.map((blocks, r) => {
    const base = summary((rules[r] as BlockingRule).name, blocks)
    if (blocks.pairsInBlocks > perRule) {
      cumulative = null
      return { ...base, pairsAdded: null, cumulative, overBudget: 'rule' }
    }
    const pairsAdded = enumerate(blocks, allBlocks.slice(0, r), null)
    if (cumulative !== null) cumulative += pairsAdded
    const overBudget = cumulative !== null && cumulative > total ? 'total' : null
    return { ...base, pairsAdded, cumulative, overBudget }
  })
}

/** One rule's blocks. */
interface Blocks {
  /** blockOf[i]: record i's block number, or -1 when its key is null. */
  readonly blockOf: Int32Array
  /** Record indices sorted by block, then source, then index. */
  readonly members: Int32Array
  /** Block b is members[starts[b], starts[b + 1]). */
  readonly starts: Int32Array
  /** members[p]'s source (link mode), parallel to members; null in dedupe mode. */
  readonly sources: Int32Array | null
  readonly sourcePairs: SourcePairs
  readonly pairsInBlocks: number
  readonly largestBlock: number
  readonly recordsWithoutKey: number
}

function summary(rule: string, blocks: Blocks): Omit<BlockingRuleStats, 'pairsAdded' | 'cumulative'> {
  const { pairsInBlocks, largestBlock, recordsWithoutKey } = blocks
  return { rule, pairsInBlocks, largestBlock, recordsWithoutKey }
}

function groupAll(
  records: Records,
  rules: readonly BlockingRule[],
  sourceOf: ArrayLike<number> | undefined,
  sourcePairs: SourcePairs,
): Blocks[] {
  const order = sourceOf === undefined ? null : sourceOrder(recordCount(records), sourceOf)
  return rules.map((rule) => group(records, rule, sourceOf ?? null, order, sourcePairs))
}

/** Record indices sorted by source, then index (counting sort): insertion order for blocks. */
function sourceOrder(count: number, sourceOf: ArrayLike<number>): Int32Array {
  if (sourceOf.length !== count) {
    throw new RangeError(`sourceOf has ${sourceOf.length} entries for ${count} records.`)
  }
  let max = 0
  for (let i = 0; i < count; i++) {
    const s = sourceOf[i] as number
    if (!Number.isInteger(s) || s < 0) throw new RangeError(`sourceOf[${i}] is ${s}, not a source number.`)
    if (s > max) max = s
  }
  const next = new Int32Array(max + 2)
  for (let i = 0; i < count; i++) {
    const at = (sourceOf[i] as number) + 1
    next[at] = (next[at] as number) + 1
  }
  for (let s = 1; s <= max + 1; s++) next[s] = (next[s] as number) + (next[s - 1] as number)
  const order = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    const s = sourceOf[i] as number
    order[next[s] as number] = i
    next[s] = (next[s] as number) + 1
  }
  return order
}

function group(
  records: Records,
  rule: BlockingRule,
  sourceOf: ArrayLike<number> | null,
  order: Int32Array | null,
  sourcePairs: SourcePairs,
): Blocks {
  const count = recordCount(records)
  const { blockOf, blockCount, recordsWithoutKey } = blockingBlockNumbers(records, rule)
  const starts = new Int32Array(blockCount + 1)
  for (let i = 0; i < count; i++) {
    const b = blockOf[i] as number
    if (b >= 0) starts[b + 1] = (starts[b + 1] as number) + 1
  }
  let largestBlock = 0
  for (let b = 0; b < blockCount; b++) {
    const size = starts[b + 1] as number
    if (size > largestBlock) largestBlock = size
    starts[b + 1] = size + (starts[b] as number)
  }
  const fill = starts.slice(0, blockCount)
  const members = new Int32Array(count - recordsWithoutKey)
  for (let k = 0; k < count; k++) {
    const i = order === null ? k : (order[k] as number)
    const b = blockOf[i] as number
    if (b < 0) continue
    members[fill[b] as number] = i
    fill[b] = (fill[b] as number) + 1
  }
  const sources = sourceOf === null ? null : members.map((i) => sourceOf[i] as number)
  const pairsInBlocks = countPairs(starts, sources, sourcePairs)
  return { blockOf, members, starts, sources, sourcePairs, pairsInBlocks, largestBlock, recordsWithoutKey }
}

/**
 * Σ C(size, 2) over blocks; with sources, minus the pairs within one source (across) or only
 * those (within).
 */
function countPairs(starts: Int32Array, sources: Int32Array | null, sourcePairs: SourcePairs): number {
  let pairs = 0
  const sign = sourcePairs === 'within' ? 1 : -1
  for (let b = 0; b + 1 < starts.length; b++) {
    const start = starts[b] as number
    const end = starts[b + 1] as number
    const size = end - start
    if (sources === null || sourcePairs === 'across') pairs += (size * (size - 1)) / 2
    if (sources === null || size < 2) continue
    for (let run = start; run < end; ) {
      let runEnd = run + 1
      while (runEnd < end && sources[runEnd] === sources[run]) runEnd++
      const same = runEnd - run
      pairs += (sign * (same * (same - 1))) / 2
      run = runEnd
    }
  }
  return pairs
}

/**
 * Walks every pair of `blocks` (across sources in link mode) that no earlier rule's blocks hold,
 * appending it to `out` when given, and returns how many there were.
 */
function enumerate(blocks: Blocks, earlier: readonly Blocks[], out: PairBuffer | null): number {
  const { members, starts, sources } = blocks
  const within = sources !== null && blocks.sourcePairs === 'within'
  const earlierBlockOf = earlier.map((e) => e.blockOf)
  const m = earlierBlockOf.length
  // Record a's block under each earlier rule, read once per a rather than once per pair.
  const mine = new Int32Array(m)
  let added = 0
  for (let b = 0; b + 1 < starts.length; b++) {
    const start = starts[b] as number
    const end = starts[b + 1] as number
    if (end - start < 2) continue
    let runEnd = start
    for (let p = start; p < end - 1; p++) {
      const a = members[p] as number
      // Members are sorted by source: a's partners are past the end of its source's run.
      if (sources === null) runEnd = p + 1
      else if (p >= runEnd) {
        runEnd = p + 1
        while (runEnd < end && sources[runEnd] === sources[p]) runEnd++
      }
      for (let j = 0; j < m; j++) mine[j] = (earlierBlockOf[j] as Int32Array)[a] as number
      // Across: partners past a's source run; within: the rest of that run.
      const to = within ? runEnd : end
      for (let q = within ? p + 1 : runEnd; q < to; q++) {
        const c = members[q] as number
        let seen = false
        for (let j = 0; j < m; j++) {
          const x = mine[j] as number
          if (x !== -1 && (earlierBlockOf[j] as Int32Array)[c] === x) {
            seen = true
            break
          }
        }
        if (seen) continue
        added++
        if (out === null) continue
        if (a < c) out.push(a, c)
        else out.push(c, a)
      }
    }
  }
  return added
}

/** Two growing Int32Arrays of pairs. */
class PairBuffer {
  private left: Int32Array
  private right: Int32Array
  length = 0

  /**
   * @param expected the pairs expected in all (Σ pairsInBlocks, an upper bound): allocated once,
   *   so pairs are not copied rule after rule; capped, so that a run whose rules overlap heavily
   *   grows on demand instead of reserving memory for pairs it will never keep.
   */
  constructor(expected: number) {
    const capacity = Math.min(expected, 1 << 26)
    this.left = new Int32Array(capacity)
    this.right = new Int32Array(capacity)
  }

  push(a: number, b: number): void {
    if (this.length === this.left.length) this.grow()
    this.left[this.length] = a
    this.right[this.length] = b
    this.length++
  }

  /** The pairs: views when little capacity is unused, else exact copies that free the rest. */
  result(): [Int32Array, Int32Array] {
    if (this.left.length - this.length <= this.length / 4) {
      return [this.left.subarray(0, this.length), this.right.subarray(0, this.length)]
    }
    return [this.left.slice(0, this.length), this.right.slice(0, this.length)]
  }

  private grow(): void {
    const capacity = Math.max(1024, this.length * 2)
    const left = new Int32Array(capacity)
    const right = new Int32Array(capacity)
    left.set(this.left)
    right.set(this.right)
    this.left = left
    this.right = right
  }
}
