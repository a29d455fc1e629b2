import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/** A kept pair of a linkage named as cases name records (`file:line:role`), with its stored weight. */
export interface PairWeight {
  readonly left: string
  readonly right: string
  readonly levels: string
  /** link_pair.match_weight: bits, prior and term frequencies included. */
  readonly matchWeight: number
}

/**
 * The match weights of a linkage's kept pairs, keyed by their records' refs. A case keeps only
 * its pair's probability, and near 1 a probability no longer tells weights apart (1 − 2^-47 is
 * a few ulps from 1), so the case view's waterfall totals from the weight the linkage stored.
 */
export async function readPairWeights(db: Kysely<Database>, linkRunId: number): Promise<PairWeight[]> {
  const rows = await db
    .selectFrom('link_pair as lp')
    .innerJoin('record as ra', 'ra.id', 'lp.left_record_id')
    .innerJoin('source_file as fa', 'fa.id', 'ra.file_id')
    .innerJoin('record as rb', 'rb.id', 'lp.right_record_id')
    .innerJoin('source_file as fb', 'fb.id', 'rb.file_id')
    .select([
      'fa.path as leftPath',
      'ra.line as leftLine',
      'ra.role as leftRole',
      'fb.path as rightPath',
      'rb.line as rightLine',
      'rb.role as rightRole',
      'lp.levels as levels',
      'lp.match_weight as matchWeight',
    ])
    .where('lp.link_run_id', '=', linkRunId)
    .execute()
  return rows.map((r) => ({
    left: `${path.basename(r.leftPath)}:${r.leftLine}:${r.leftRole}`,
    right: `${path.basename(r.rightPath)}:${r.rightLine}:${r.rightRole}`,
    levels: r.levels,
    matchWeight: r.matchWeight,
  }))
}

/**
 * Looks up the stored weight of the pair a case rests on: two of its records, with the case's
 * levels. Undefined when none is kept (e.g. a pair scored but below the review band).
 */
export function pairWeightLookup(
  pairs: readonly PairWeight[],
): (refs: readonly string[], levels: string) => number | undefined {
  const byKey = new Map<string, number>()
  for (const p of pairs) {
    byKey.set(`${p.left}\u0000${p.right}\u0000${p.levels}`, p.matchWeight)
    byKey.set(`${p.right}\u0000${p.left}\u0000${p.levels}`, p.matchWeight)
  }
  return (refs, levels) => {
    for (const a of refs)
      for (const b of refs) {
        if (a === b) continue
        const w = byKey.get(`${a}\u0000${b}\u0000${levels}`)
        if (w !== undefined) return w
      }
    return undefined
  }
}
