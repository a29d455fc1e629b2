import type { Generated, Insertable, Selectable } from 'kysely'
import type { LinkModel } from '../../match/link-model.js'

/**
 * The linkage of one period of one pipeline: at most one per (pipeline, county, period);
 * re-linking a period replaces it, with its pairs, record persons and person events, in one
 * transaction.
 */
export interface LinkRunTable {
  id: Generated<number>
  /** The `run` row of the command that wrote it. */
  run_id: number
  pipeline: string
  county: string
  period: string
  /** ISO 8601. */
  linked_at: string
  /** Always 'complete' once visible: the linkage is written in one transaction. */
  status: string
  /** JSON: the model scored with and the thresholds applied (StoredLinkModel). */
  model: string
  /** JSON: counts and timings of the run (LinkStats). */
  stats: string
  /** JSON: expected errors from the probabilities (ExpectedError of src/match/expected-error.ts). */
  expected_error: string
  /**
   * JSON: [{ id, sha256 }] of the source files linked. Record ids change when ingest replaces
   * a file, so a reader compares this with `source_file` to tell a stale linkage.
   */
  files: string
  records: number
  candidate_pairs: number
  accepted: number
  review: number
  persons: number
}
export type LinkRunRow = Selectable<LinkRunTable>
export type NewLinkRun = Insertable<LinkRunTable>

/** What `link_run.model` holds. */
export interface StoredLinkModel {
  readonly thresholds: { readonly accept: number; readonly review: number }
  /** 'trained' on the period by this linkage, or 'given' (bidui link --model). */
  readonly source: 'trained' | 'given'
  /** Comparisons with their level codes, m and u: with `link_pair.levels`, a pair's explanation. */
  readonly linkModel: LinkModel
}
