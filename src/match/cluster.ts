/** Accepted links between records, as parallel arrays of record indices. */
export interface Links {
  readonly left: ArrayLike<number>
  readonly right: ArrayLike<number>
}

/** A link the guard refused, for clerical review. */
export interface FlaggedLink {
  /** Index of the link in `links`. */
  readonly link: number
  readonly left: number
  readonly right: number
  /** The two valid resident IDs that would have met in one cluster. */
  readonly ids: readonly [string, string]
}

/** Connected components of the accepted links. */
export interface Clustering {
  /** clusterOf[i]: cluster number of record i; clusters are numbered by their smallest record. */
  readonly clusterOf: Int32Array
  /** Clusters of two or more records, members ascending, ordered by their smallest member. */
  readonly clusters: readonly (readonly number[])[]
  readonly flagged: readonly FlaggedLink[]
}

/**
 * Clusters `recordCount` records by the links (union-find, path compression, union by rank),
 * taking links in the order given: pass the strongest first, so a weaker link is the one a
 * conflict refuses. Guard: `validIds[i]` is record i's resident ID when its status is valid or
 * upgraded_from_15, else null; a union that would put two different such IDs with the same
 * birth-date part and sex digit parity into one cluster (two people born the same day) is not
 * made, and the link is flagged instead. Output is deterministic for a given input.
 */
export function clusterLinks(
  recordCount: number,
  links: Links,
  validIds: readonly (string | null)[] = [],
): Clustering {
  const parent = new Int32Array(recordCount).map((_, i) => i)
  const rank = new Uint8Array(recordCount)
  // Per root of a merged cluster: birth-date part + sex parity → the valid ID seen for it. A root
  // absent here is a single record (or a cluster without IDs): its own ID, built on demand, so
  // millions of unlinked records cost no map each.
  const identities = new Map<number, Map<string, string>>()
  const identitiesOf = (root: number): Map<string, string> | undefined => {
    const known = identities.get(root)
    if (known !== undefined) return known
    const id = validIds[root]
    return id === null || id === undefined || id.length !== 18 ? undefined : new Map([[daySexKey(id), id]])
  }
  const find = (x: number): number => {
    let root = x
    while (parent[root] !== root) root = parent[root] as number
    for (let y = x; parent[y] !== root; ) {
      const next = parent[y] as number
      parent[y] = root
      y = next
    }
    return root
  }
  const flagged: FlaggedLink[] = []
  for (let k = 0; k < links.left.length; k++) {
    const left = links.left[k] as number
    const right = links.right[k] as number
    const a = find(left)
    const b = find(right)
    if (a === b) continue
    const idsA = identitiesOf(a)
    const idsB = identitiesOf(b)
    const conflict = conflictBetween(idsA, idsB)
    if (conflict !== null) {
      flagged.push({ link: k, left, right, ids: conflict })
      continue
    }
    const [root, child] = (rank[a] as number) >= (rank[b] as number) ? [a, b] : [b, a]
    parent[child] = root
    if (rank[a] === rank[b]) rank[root] = (rank[root] as number) + 1
    const both = merged(idsA, idsB)
    if (both !== undefined) identities.set(root, both)
    identities.delete(child)
  }
  return numbered(recordCount, find, flagged)
}

function daySexKey(id: string): string {
  return id.slice(6, 14) + ((id.charCodeAt(16) & 1) === 1 ? 'm' : 'f')
}

function conflictBetween(
  a: ReadonlyMap<string, string> | undefined,
  b: ReadonlyMap<string, string> | undefined,
): readonly [string, string] | null {
  if (a === undefined || b === undefined) return null
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const [key, id] of small) {
    const other = large.get(key)
    if (other !== undefined && other !== id) return id < other ? [id, other] : [other, id]
  }
  return null
}

function merged(
  a: Map<string, string> | undefined,
  b: Map<string, string> | undefined,
): Map<string, string> | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const [key, id] of small) large.set(key, id)
  return large
}

function numbered(recordCount: number, find: (x: number) => number, flagged: FlaggedLink[]): Clustering {
  // Typed arrays, not a Map per root and an array per cluster: at 2.4 million records nearly
  // every cluster is a single record, and a million one-element arrays kept the collector busy.
  const clusterOf = new Int32Array(recordCount)
  const numberOfRoot = new Int32Array(recordCount).fill(-1)
  const size: number[] = []
  for (let i = 0; i < recordCount; i++) {
    const root = find(i)
    let n = numberOfRoot[root] as number
    if (n < 0) {
      n = size.length
      numberOfRoot[root] = n
      size.push(0)
    }
    clusterOf[i] = n
    size[n] = (size[n] as number) + 1
  }
  const members: number[][] = []
  const slot = new Int32Array(size.length).fill(-1)
  for (let n = 0; n < size.length; n++) {
    if ((size[n] as number) > 1) {
      slot[n] = members.length
      members.push([])
    }
  }
  for (let i = 0; i < recordCount; i++) {
    const at = slot[clusterOf[i] as number] as number
    if (at >= 0) (members[at] as number[]).push(i)
  }
  return { clusterOf, clusters: members, flagged }
}
