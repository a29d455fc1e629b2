import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/** One side of an exported pair, or one record of an exported person. */
export interface ExportedRecord {
  readonly recordId: number
  readonly personId: number
  readonly source: string
  /** The export file as ingest recorded it (relative to the working directory of the ingest). */
  readonly path: string
  /** 1-based physical line of the row in its file (XLSX: row number). */
  readonly line: number
  readonly role: string
  readonly fingerprint: string
}

/** A stored pair with both records. */
export interface ExportedPair {
  readonly band: string
  readonly matchWeight: number
  readonly probability: number
  readonly levels: string
  readonly left: ExportedRecord
  readonly right: ExportedRecord
}

const chunk = 1000

/**
 * Every stored pair of a linkage with where its two records came from: accepted pairs first,
 * then review, each strongest first. Streamed, so a county's pairs never sit in memory at once.
 */
export async function* streamLinkagePairs(
  db: Kysely<Database>,
  linkRunId: number,
): AsyncGenerator<ExportedPair> {
  const rows = db
    .selectFrom('link_pair as p')
    .innerJoin('record as l', 'l.id', 'p.left_record_id')
    .innerJoin('source_file as lf', 'lf.id', 'l.file_id')
    .innerJoin('record_person as lp', (j) =>
      j.onRef('lp.link_run_id', '=', 'p.link_run_id').onRef('lp.record_id', '=', 'p.left_record_id'),
    )
    .innerJoin('record as r', 'r.id', 'p.right_record_id')
    .innerJoin('source_file as rf', 'rf.id', 'r.file_id')
    .innerJoin('record_person as rp', (j) =>
      j.onRef('rp.link_run_id', '=', 'p.link_run_id').onRef('rp.record_id', '=', 'p.right_record_id'),
    )
    .select([
      'p.band',
      'p.match_weight',
      'p.probability',
      'p.levels',
      'l.id as l_id',
      'lp.person_id as l_person',
      'lf.source as l_source',
      'lf.path as l_path',
      'l.line as l_line',
      'l.role as l_role',
      'lp.fingerprint as l_fingerprint',
      'r.id as r_id',
      'rp.person_id as r_person',
      'rf.source as r_source',
      'rf.path as r_path',
      'r.line as r_line',
      'r.role as r_role',
      'rp.fingerprint as r_fingerprint',
    ])
    .where('p.link_run_id', '=', linkRunId)
    .orderBy('p.band')
    .orderBy('p.match_weight', 'desc')
    .orderBy('p.left_record_id')
    .orderBy('p.right_record_id')
    .stream(chunk)
  for await (const r of rows) {
    yield {
      band: r.band,
      matchWeight: r.match_weight,
      probability: r.probability,
      levels: r.levels,
      left: {
        recordId: r.l_id,
        personId: Number(r.l_person),
        source: r.l_source,
        path: r.l_path,
        line: r.l_line,
        role: r.l_role,
        fingerprint: r.l_fingerprint,
      },
      right: {
        recordId: r.r_id,
        personId: Number(r.r_person),
        source: r.r_source,
        path: r.r_path,
        line: r.r_line,
        role: r.r_role,
        fingerprint: r.r_fingerprint,
      },
    }
  }
}

/** Every record of a linkage with its person, by person, then source, file and line. Streamed. */
export async function* streamLinkagePersons(
  db: Kysely<Database>,
  linkRunId: number,
): AsyncGenerator<ExportedRecord> {
  const rows = db
    .selectFrom('record_person as rp')
    .innerJoin('record as r', 'r.id', 'rp.record_id')
    .innerJoin('source_file as f', 'f.id', 'r.file_id')
    .select(['r.id', 'rp.person_id', 'f.source', 'f.path', 'r.line', 'r.role', 'rp.fingerprint'])
    .where('rp.link_run_id', '=', linkRunId)
    .orderBy('rp.person_id')
    .orderBy('f.source')
    .orderBy('r.file_id')
    .orderBy('r.line')
    .orderBy('r.id')
    .stream(chunk)
  for await (const r of rows) {
    yield {
      recordId: r.id,
      personId: Number(r.person_id),
      source: r.source,
      path: r.path,
      line: r.line,
      role: r.role,
      fingerprint: r.fingerprint,
    }
  }
}
