import type { Generated, Insertable, Selectable } from 'kysely'

/** One export file ingested for one period of one pipeline source. */
export interface SourceFileTable {
  id: Generated<number>
  run_id: number
  pipeline: string
  county: string
  period: string
  source: string
  agency: string
  kind: string
  /** As given in the pipeline, with {period} filled in (relative to the working directory when possible). */
  path: string
  /** SHA-256 of the file's bytes: the same content for the same source and period is ingested once. */
  sha256: string
  bytes: number
  encoding: string
  rows_read: number
  records_stored: number
  rows_rejected: number
  ingested_at: string
  /** JSON object: canonical field key (as in the pipeline) → 0-based cell index in `record.raw`. */
  columns: string
}
export type SourceFileRow = Selectable<SourceFileTable>
export type NewSourceFile = Insertable<SourceFileTable>
