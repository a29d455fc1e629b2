/**
 * Stable person IDs across periods. Records are re-ingested every month as new rows, so a
 * record is recognised from one linkage to the next by its fingerprint (recordFingerprints),
 * and this period's clusters take over the person numbers of the records they hold.
 *
 * Person numbers are positive integers; a smaller number is an older person. Numbers are never
 * reused: new ones start at `nextNumber` (the caller passes one above every number ever given).
 */

/** What a period's clusters inherit from. */
export interface PersonIdentityInput {
  /** fingerprints[i]: record i's fingerprint, unique within the period. */
  readonly fingerprints: readonly string[]
  /** clusterOf[i]: record i's cluster; every record is in exactly one (singletons included). */
  readonly clusterOf: ArrayLike<number>
  /** The previous period's linkage: fingerprint → person number. Inheriting from it is logged. */
  readonly previous: ReadonlyMap<string, number>
  /**
   * The linkage of this same period being replaced (a re-run): fingerprint → person number.
   * Used only for clusters that inherit nothing from `previous`, so that re-linking a month
   * gives its new persons the numbers they had, instead of minting fresh ones.
   */
  readonly earlier?: ReadonlyMap<string, number>
  /** First number to give a new person. */
  readonly nextNumber: number
}

/** How a person of this period relates to the previous period. */
export type PersonStatus = 'new' | 'continuing' | 'merged' | 'split'

/**
 * A change of identity relative to the previous period.
 * - merge: `absorbed`'s previous records now sit in `person`'s cluster, and `absorbed` holds no cluster.
 * - split: part of `person`'s previous records formed a cluster of their own, numbered `other`.
 */
export type PersonEvent =
  | { readonly kind: 'merge'; readonly person: number; readonly other: number; readonly records: number }
  | { readonly kind: 'split'; readonly person: number; readonly other: number; readonly records: number }

/** One person of the period. */
export interface PeriodPerson {
  readonly number: number
  readonly status: PersonStatus
  /** Records of the period in this person's cluster. */
  readonly records: number
}

/** The period's persons. */
export interface PersonAssignment {
  /** personOf[i]: record i's person number. */
  readonly personOf: Float64Array
  /** One per cluster, ordered by the cluster's first record. */
  readonly persons: readonly PeriodPerson[]
  /** Merges then splits, each ordered by person then other. */
  readonly events: readonly PersonEvent[]
  readonly counts: Readonly<Record<PersonStatus, number>>
  /** One above the largest number given out (equal to the input's when none was minted). */
  readonly nextNumber: number
}

/**
 * Gives every cluster of the period a person number, deterministically:
 * 1. A cluster inherits the number its records had in the previous period. Claims are settled
 *    greedily, biggest first: (cluster, number) pairs by the count of the cluster's records that
 *    carried the number, then the oldest number, then the cluster's first record. So a cluster
 *    keeps the majority number of its records (the oldest on a tie), and when a previous person
 *    split, the part holding more of its records keeps the number.
 * 2. A cluster left without one takes, by the same rule, a number its records had in the
 *    replaced linkage of this period (`earlier`), if no other cluster holds it.
 * 3. Any other cluster gets a new number, in the order of its first record.
 * A previous number whose records sit in other clusters but that no cluster kept is logged as
 * merged into each of them; a kept number whose records also sit in other clusters is logged as
 * split into each of those.
 */
export function assignPersons(input: PersonIdentityInput): PersonAssignment {
  const { fingerprints, clusterOf, previous } = input
  const n = fingerprints.length
  // Clusters by first record, whatever numbering clusterOf uses.
  const clusterIndex = new Map<number, number>()
  const firstRecord: number[] = []
  const size: number[] = []
  const local = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const c = clusterOf[i] as number
    let k = clusterIndex.get(c)
    if (k === undefined) {
      k = firstRecord.length
      clusterIndex.set(c, k)
      firstRecord.push(i)
      size.push(0)
    }
    local[i] = k
    size[k] = (size[k] as number) + 1
  }
  const clusters = firstRecord.length

  const previousVotes = votes(fingerprints, local, previous)
  const number = new Float64Array(clusters).fill(0)
  const taken = new Set<number>()
  settle(previousVotes, firstRecord, number, taken)
  const inherited = number.map((x) => x)
  if (input.earlier !== undefined)
    settle(votes(fingerprints, local, input.earlier), firstRecord, number, taken)
  let next = input.nextNumber
  for (let k = 0; k < clusters; k++) {
    if (number[k] === 0) {
      // An earlier number above nextNumber would collide with a minted one; the caller's
      // nextNumber is above every number given, so this only guards against a bad caller.
      while (taken.has(next)) next++
      number[k] = next
      taken.add(next)
      next++
    }
  }

  // Events: where each previous number's records went.
  const keeperOf = new Map<number, number>()
  for (let k = 0; k < clusters; k++) if (inherited[k] !== 0) keeperOf.set(inherited[k] as number, k)
  const merges: PersonEvent[] = []
  const splits: PersonEvent[] = []
  const absorbed = new Uint8Array(clusters)
  const splitOff = new Uint8Array(clusters)
  for (const v of previousVotes) {
    const keeper = keeperOf.get(v.number)
    if (keeper === v.cluster) continue
    const here = number[v.cluster] as number
    if (keeper !== undefined) {
      // The number lives on in another cluster: these records split off from it.
      splits.push({ kind: 'split', person: v.number, other: here, records: v.count })
      if (inherited[v.cluster] === 0) splitOff[v.cluster] = 1
    } else {
      // No cluster kept the number, so every cluster holding its records inherited another
      // one (settle would have given it otherwise): they absorbed it.
      merges.push({ kind: 'merge', person: here, other: v.number, records: v.count })
      absorbed[v.cluster] = 1
    }
  }

  const persons: PeriodPerson[] = new Array(clusters)
  const counts: Record<PersonStatus, number> = { new: 0, continuing: 0, merged: 0, split: 0 }
  for (let k = 0; k < clusters; k++) {
    const status: PersonStatus =
      inherited[k] === 0 ? (splitOff[k] === 1 ? 'split' : 'new') : absorbed[k] === 1 ? 'merged' : 'continuing'
    counts[status]++
    persons[k] = { number: number[k] as number, status, records: size[k] as number }
  }
  const personOf = new Float64Array(n)
  for (let i = 0; i < n; i++) personOf[i] = number[local[i] as number] as number
  const byPersonThenOther = (a: PersonEvent, b: PersonEvent) => a.person - b.person || a.other - b.other
  return {
    personOf,
    persons,
    events: [...merges.sort(byPersonThenOther), ...splits.sort(byPersonThenOther)],
    counts,
    nextNumber: Math.max(next, input.nextNumber),
  }
}

/** How many of a cluster's records carried a number. */
interface Vote {
  readonly cluster: number
  readonly number: number
  readonly count: number
}

function votes(fingerprints: readonly string[], local: Int32Array, map: ReadonlyMap<string, number>): Vote[] {
  // Keyed by cluster · span + number, not by a string per record (millions of them at a
  // million persons); strings only if that number could pass 2^53.
  let span = 1
  for (const number of map.values()) if (number >= span) span = number + 1
  const numeric = (local.length + 1) * span <= Number.MAX_SAFE_INTEGER
  const counts = new Map<number | string, Vote>()
  for (let i = 0; i < fingerprints.length; i++) {
    const number = map.get(fingerprints[i] as string)
    if (number === undefined) continue
    const cluster = local[i] as number
    const key = numeric ? cluster * span + number : `${cluster}:${number}`
    const v = counts.get(key)
    counts.set(key, { cluster, number, count: (v?.count ?? 0) + 1 })
  }
  return [...counts.values()]
}

/** Greedy claims: most records first, then the oldest number, then the earliest cluster. */
function settle(
  claims: readonly Vote[],
  firstRecord: readonly number[],
  number: Float64Array,
  taken: Set<number>,
): void {
  const order = [...claims].sort(
    (a, b) =>
      b.count - a.count ||
      a.number - b.number ||
      (firstRecord[a.cluster] as number) - (firstRecord[b.cluster] as number),
  )
  for (const v of order) {
    if (number[v.cluster] !== 0 || taken.has(v.number)) continue
    number[v.cluster] = v.number
    taken.add(v.number)
  }
}

/** A person number as officers see it, e.g. 42 → P00000042. */
export function formatPersonId(number: number): string {
  return `P${String(number).padStart(8, '0')}`
}
