import type { Insertable, Selectable } from 'kysely'

/** A scored pair kept by a linkage: every accepted pair and every pair in the review band. */
export interface LinkPairTable {
  link_run_id: number
  /** `record.id` of the pair's two records, the smaller load order first. */
  left_record_id: number
  right_record_id: number
  /** 'accept' (p ≥ accept threshold) or 'review' (review ≤ p < accept). */
  band: string
  /** Match weight in bits, prior and term frequencies included. */
  match_weight: number
  probability: number
  /** One comparison level per comparison of the model, comma-separated, -1 for missing (pairLevels). */
  levels: string
}
export type LinkPairRow = Selectable<LinkPairTable>
export type NewLinkPair = Insertable<LinkPairTable>
