import { pairKey } from './evaluate-pairs.js'

/**
 * True entity labels from a truth attribute's values: records whose entities are equal get the
 * same label (0, 1, … in order of first record), -1 when the value is null or the pattern does
 * not match it (the record is out of scope). The entity is the pattern's first capture group,
 * the whole match when it has none, the whole value without a pattern.
 * @example entityLabels(['rec-1-org', 'rec-1-dup-0', 'rec-2-org'], /^rec-(\d+)/) // [0, 0, 1]
 */
export function entityLabels(values: readonly (string | null)[], pattern: RegExp | null): Int32Array {
  const labels = new Int32Array(values.length)
  const ids = new Map<string, number>()
  values.forEach((value, i) => {
    const entity = value === null ? null : entityOf(value, pattern)
    if (entity === null) {
      labels[i] = -1
      return
    }
    let label = ids.get(entity)
    if (label === undefined) {
      label = ids.size
      ids.set(entity, label)
    }
    labels[i] = label
  })
  return labels
}

function entityOf(value: string, pattern: RegExp | null): string | null {
  if (pattern === null) return value
  const m = pattern.exec(value)
  if (m === null) return null
  return m[1] ?? m[0]
}

/**
 * Every pair of records with the same label (label -1 never pairs), as pairKey keys over
 * `keys[i]`, keeping only pairs `considered(i, j)` allows (a link-only run considers no pair
 * within a source, so the truth holds none either).
 */
export function pairsWithinLabels(
  labels: ArrayLike<number>,
  keys: readonly string[],
  considered: (i: number, j: number) => boolean = () => true,
): Set<string> {
  const groups = new Map<number, number[]>()
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number
    if (label < 0) continue
    const group = groups.get(label)
    if (group === undefined) groups.set(label, [i])
    else group.push(i)
  }
  const pairs = new Set<string>()
  for (const group of groups.values()) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const i = group[a] as number
        const j = group[b] as number
        if (considered(i, j)) pairs.add(pairKey(keys[i] as string, keys[j] as string))
      }
    }
  }
  return pairs
}

/**
 * Entity labels from true pairs: the connected components of `pairs` (record indices) over
 * `count` records, numbered by their smallest record; a record in no pair is an entity of its
 * own; `excluded[i]` true gives -1 (out of scope). For truth given as pairs (the generator's).
 */
export function componentLabels(
  count: number,
  pairs: readonly (readonly [number, number])[],
  excluded: (i: number) => boolean = () => false,
): Int32Array {
  const parent = Int32Array.from({ length: count }, (_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] as number
    let at = i
    while (parent[at] !== root) {
      const next = parent[at] as number
      parent[at] = root
      at = next
    }
    return root
  }
  for (const [a, b] of pairs) {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const labels = new Int32Array(count)
  for (let i = 0; i < count; i++) labels[i] = excluded(i) ? -1 : find(i)
  return labels
}
