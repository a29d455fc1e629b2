import type { Kysely } from 'kysely'
import { LinkConcurrentWriteError } from '../errors/link-errors.js'
import type { PersonEvent } from '../match/person-identity.js'
import type { Database } from './database.js'
import type { MatchRecordsQuery } from './match-records.repository.js'
import type { Store } from './open-store.js'
import type { LinkRunRow } from './tables/link-run.table.js'

/** The source files of a period as a linkage records them, by id. */
export interface LinkedFile {
  readonly id: number
  readonly sha256: string
}

/** The period's source files now, by id: compare with a linkage's `files` to tell it is stale. */
export async function periodFiles(db: Kysely<Database>, q: MatchRecordsQuery): Promise<LinkedFile[]> {
  return db
    .selectFrom('source_file')
    .select(['id', 'sha256'])
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '=', q.period)
    .orderBy('id')
    .execute()
}

/**
 * Whether a linkage was made from other files than the period holds now (a file ingested again
 * or added since): its record ids may point at replaced rows.
 */
export function linkageIsStale(run: LinkRunRow, now: readonly LinkedFile[]): boolean {
  const key = (files: readonly LinkedFile[]) =>
    files
      .map((f) => `${f.id}:${f.sha256}`)
      .sort()
      .join(' ')
  return key(JSON.parse(run.files) as LinkedFile[]) !== key(now)
}

/** The stored linkage of a period, if any. */
export async function findLinkRun(
  db: Kysely<Database>,
  q: MatchRecordsQuery,
): Promise<LinkRunRow | undefined> {
  return db
    .selectFrom('link_run')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '=', q.period)
    .executeTakeFirst()
}

/** The latest linkage of the pipeline before the period: the one person numbers carry over from. */
export async function findPreviousLinkRun(
  db: Kysely<Database>,
  q: MatchRecordsQuery,
): Promise<LinkRunRow | undefined> {
  return db
    .selectFrom('link_run')
    .selectAll()
    .where('pipeline', '=', q.pipeline)
    .where('county', '=', q.county)
    .where('period', '<', q.period)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** fingerprint → person number of a linkage's records. */
export async function personsByFingerprint(
  db: Kysely<Database>,
  linkRunId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('record_person')
    .select(['fingerprint', 'person_id'])
    .where('link_run_id', '=', linkRunId)
    .execute()
  return new Map(rows.map((r) => [r.fingerprint, Number(r.person_id)]))
}

/** One above the largest person number ever given (1 on an empty store). */
export async function nextPersonNumber(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst()
  return Number(row?.max ?? 0) + 1
}

/** A period's linkage, ready to store. Record references are `record.id`s. */
export interface PeriodLinkage {
  readonly pipeline: string
  readonly county: string
  readonly period: string
  readonly runId: number
  readonly linkedAt: Date
  /** JSON-serialisable: stored as text. */
  readonly model: unknown
  readonly stats: unknown
  readonly expectedError: unknown
  readonly files: readonly LinkedFile[]
  readonly records: number
  readonly candidatePairs: number
  readonly pairs: {
    readonly left: ArrayLike<number>
    readonly right: ArrayLike<number>
    readonly band: readonly ('accept' | 'review')[]
    readonly matchWeight: ArrayLike<number>
    readonly probability: ArrayLike<number>
    readonly levels: readonly string[]
  }
  readonly recordPersons: {
    readonly recordId: ArrayLike<number>
    readonly personId: ArrayLike<number>
    readonly fingerprint: readonly string[]
  }
  /** Numbers of the persons, one per cluster. */
  readonly persons: readonly number[]
  /** Numbers at or above this were minted by this linkage and are created. */
  readonly firstNewPerson: number
  readonly events: readonly PersonEvent[]
}

const batch = 5000

/**
 * Stores a period's linkage, replacing the one stored before for the same period, in one
 * transaction: re-linking duplicates nothing, and a failure leaves the store as it was.
 * Persons are never deleted (their numbers stay given); only new numbers are inserted.
 * @returns the new link run's id
 */
export async function replaceLinkage(store: Store, l: PeriodLinkage): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('link_run')
      .select('id')
      .where('pipeline', '=', l.pipeline)
      .where('county', '=', l.county)
      .where('period', '=', l.period)
      .executeTakeFirst()
    if (old !== undefined) {
      for (const table of ['link_pair', 'record_person', 'person_event'] as const) {
        await trx.deleteFrom(table).where('link_run_id', '=', old.id).execute()
      }
      await trx.deleteFrom('link_run').where('id', '=', old.id).execute()
    }
    const max = await trx
      .selectFrom('person')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst()
    if (Number(max?.max ?? 0) >= l.firstNewPerson) {
      // Another writer gave numbers since they were read: storing would reuse them.
      throw new LinkConcurrentWriteError(store.location)
    }
    const { id } = await trx
      .insertInto('link_run')
      .values({
        run_id: l.runId,
        pipeline: l.pipeline,
        county: l.county,
        period: l.period,
        linked_at: l.linkedAt.toISOString(),
        status: 'complete',
        model: JSON.stringify(l.model),
        stats: JSON.stringify(l.stats),
        expected_error: JSON.stringify(l.expectedError),
        files: JSON.stringify(l.files),
        records: l.records,
        candidate_pairs: l.candidatePairs,
        accepted: l.pairs.band.filter((b) => b === 'accept').length,
        review: l.pairs.band.filter((b) => b === 'review').length,
        persons: l.persons.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    const created = l.linkedAt.toISOString()
    const newPersons = l.persons.filter((p) => p >= l.firstNewPerson)
    await inBatches(newPersons.length, (from, to) =>
      store.insertRows(
        trx,
        'person',
        ['id', 'pipeline', 'county', 'first_period', 'created_at'],
        newPersons.slice(from, to).map((p) => [p, l.pipeline, l.county, l.period, created]),
      ),
    )
    const p = l.pairs
    await inBatches(p.left.length, (from, to) => {
      const rows: unknown[][] = []
      for (let k = from; k < to; k++) {
        rows.push([id, p.left[k], p.right[k], p.band[k], p.matchWeight[k], p.probability[k], p.levels[k]])
      }
      store.insertRows(
        trx,
        'link_pair',
        ['link_run_id', 'left_record_id', 'right_record_id', 'band', 'match_weight', 'probability', 'levels'],
        rows,
      )
    })
    const rp = l.recordPersons
    await inBatches(rp.fingerprint.length, (from, to) => {
      const rows: unknown[][] = []
      for (let k = from; k < to; k++) rows.push([id, rp.recordId[k], rp.personId[k], rp.fingerprint[k]])
      store.insertRows(trx, 'record_person', ['link_run_id', 'record_id', 'person_id', 'fingerprint'], rows)
    })
    await inBatches(l.events.length, (from, to) =>
      store.insertRows(
        trx,
        'person_event',
        ['link_run_id', 'kind', 'person_id', 'other_person_id', 'records'],
        l.events.slice(from, to).map((e) => [id, e.kind, e.person, e.other, e.records]),
      ),
    )
    return id
  })
}

async function inBatches(count: number, write: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < count; from += batch) {
    write(from, Math.min(count, from + batch))
    // Let the event loop breathe between batches (progress output, signals).
    await Promise.resolve()
  }
}

/** A period's stored linkage as reconciliation reads it. */
export interface StoredLinkage {
  readonly run: LinkRunRow
  /**
   * True when the period's files were ingested again after linking (link_run.files differs from
   * source_file): record ids may then point at replaced rows, and the month must be linked again.
   */
  readonly stale: boolean
  /** `record.id` → person number, for every record of the period. */
  readonly personOfRecord: ReadonlyMap<number, number>
  /** Every kept pair, accepted first, then review; each strongest first. */
  readonly pairs: readonly {
    readonly leftRecordId: number
    readonly rightRecordId: number
    readonly band: 'accept' | 'review'
    readonly matchWeight: number
    readonly probability: number
    readonly levels: string
  }[]
}

/**
 * Reads a period's stored linkage (issue 5's reconciliation: which records are one person,
 * which pairs wait for clerical review), or undefined when the period was never linked.
 */
export async function loadStoredLinkage(
  db: Kysely<Database>,
  q: MatchRecordsQuery,
): Promise<StoredLinkage | undefined> {
  const run = await findLinkRun(db, q)
  if (run === undefined) return undefined
  const files = await periodFiles(db, q)
  const persons = await db
    .selectFrom('record_person')
    .select(['record_id', 'person_id'])
    .where('link_run_id', '=', run.id)
    .execute()
  const pairs = await db
    .selectFrom('link_pair')
    .select(['left_record_id', 'right_record_id', 'band', 'match_weight', 'probability', 'levels'])
    .where('link_run_id', '=', run.id)
    .orderBy('band')
    .orderBy('match_weight', 'desc')
    .orderBy('left_record_id')
    .orderBy('right_record_id')
    .execute()
  return {
    run,
    stale: linkageIsStale(run, files),
    personOfRecord: new Map(persons.map((p) => [p.record_id, Number(p.person_id)])),
    pairs: pairs.map((p) => ({
      leftRecordId: p.left_record_id,
      rightRecordId: p.right_record_id,
      band: p.band === 'accept' ? 'accept' : 'review',
      matchWeight: p.match_weight,
      probability: p.probability,
      levels: p.levels,
    })),
  }
}
