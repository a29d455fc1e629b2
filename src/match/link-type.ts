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
