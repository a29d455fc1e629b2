import type { SourcePairs } from './blocking.js'

/**
 * Which record pairs a run considers (Splink's link_type), when records come from several sources:
 * - `linkAndDedupe`: every pair, within and across sources (the records of all sources are one
 *   pool; bidui's behaviour before link types existed, and the default);
 * - `link`: only pairs of records from different sources (each source is taken to hold a person
 *   once, e.g. FEBRL 4A ↔ 4B);
 * - `dedupe`: only pairs within one source (each source deduplicated on its own).
 */
export const linkTypes = ['linkAndDedupe', 'link', 'dedupe'] as const
export type LinkType = (typeof linkTypes)[number]

/** The source restriction blocking and u sampling apply for a link type; null: none. */
export function sourcePairsOf(linkType: LinkType): SourcePairs | null {
  switch (linkType) {
    case 'linkAndDedupe':
      return null
    case 'link':
      return 'across'
    case 'dedupe':
      return 'within'
  }
}

/** The options blockPairs and estimateU take to honour a link type (empty for linkAndDedupe). */
export type SourcePairOptions =
  | Record<string, never>
  | { readonly sourceOf: ArrayLike<number>; readonly sourcePairs: SourcePairs }

/**
 * What blocking and u sampling are given for a run: the pipeline's link type (absent:
 * linkAndDedupe), or across sources when the caller forces it (linkRecords' acrossSourcesOnly).
 */
export function sourcePairOptions(
  linkType: LinkType | undefined,
  sourceOf: ArrayLike<number>,
  acrossSourcesOnly = false,
): SourcePairOptions {
  const sourcePairs = acrossSourcesOnly ? 'across' : sourcePairsOf(linkType ?? 'linkAndDedupe')
  return sourcePairs === null ? {} : { sourceOf, sourcePairs }
}
