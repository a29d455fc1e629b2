import path from 'node:path'
import type { Kysely } from 'kysely'
import type { PersonCategory, RecordStatus } from '../domain/canonical-field.js'
import type { MaritalStatus } from '../domain/marital-status.js'
import type { DateStatus, ResidentIdStatus } from '../domain/normalized-values.js'
import type { EventType, Role } from '../domain/record-kind.js'
import { residentIdBirthDigits, residentIdSex } from '../domain/resident-id.js'
import type { Sex } from '../domain/sex.js'
import type { ReconcileInput, ReconcileRecord, ReconcileSource } from '../reconcile/reconcile-input.js'
import type { Database } from './database.js'
import { findLinkRun, linkageIsStale, periodFiles } from './linkage.repository.js'
import type { MatchRecordsQuery } from './match-records.repository.js'
import type { RecordDetail } from './tables/record.table.js'

/** A period's reconciliation input as read from its stored linkage. */
export interface StoredReconcileInput {
  readonly input: ReconcileInput
  readonly linkRunId: number
  /** The period's files changed since it was linked: record ids may point at replaced rows. */
  readonly stale: boolean
}

/** The columns of one stored record that reconciliation reads, with its file and person. */
export interface ReconcileRow {
  readonly source: string
  /** source_file.path: the export as the pipeline names it. */
  readonly path: string
  readonly line: number
  readonly role: string
  readonly fingerprint: string
  readonly idNorm: string | null
  readonly idStatus: string
  readonly name: string | null
  readonly namePinyin: string | null
  readonly sex: string | null
  readonly birthDate: string | null
  readonly community: string | null
  readonly eventType: string | null
  readonly eventDate: string | null
  /** record.detail, JSON. */
  readonly detail: string
}

/** ID statuses whose 18 characters carry the holder's own birth date and sex digits. */
const idWithDigits: ReadonlySet<string> = new Set([
  'valid',
  'upgraded_from_15',
  'bad_check_digit',
  'excel_truncated',
])

/**
 * The period's records, persons and kept pairs as reconcile() reads them, or undefined when
 * the period was never linked. Records come in record id order, so cases and reports do not
 * depend on how the store returns rows.
 */
export async function loadReconcileInput(
  db: Kysely<Database>,
  q: MatchRecordsQuery,
  sources: readonly ReconcileSource[],
): Promise<StoredReconcileInput | undefined> {
  const run = await findLinkRun(db, q)
  if (run === undefined) return undefined
  const files = await periodFiles(db, q)
  // Driven by record_person's key (link_run_id, record_id): rows come out in record id order
  // without a sort of the wide rows, and each file's source and path are read once below
  // instead of once per record.
  const rows = await db
    .selectFrom('record_person')
    .innerJoin('record', 'record.id', 'record_person.record_id')
    .select([
      'record_person.record_id as id',
      'record.file_id as fileId',
      'record.line as line',
      'record.role as role',
      'record_person.fingerprint as fingerprint',
      'record_person.person_id as personId',
      'record.id_norm as idNorm',
      'record.id_status as idStatus',
      'record.name_norm as name',
      'record.name_pinyin as namePinyin',
      'record.sex as sex',
      'record.birth_date as birthDate',
      'record.community as community',
      'record.event_type as eventType',
      'record.event_date as eventDate',
      'record.detail as detail',
    ])
    .where('record_person.link_run_id', '=', run.id)
    .orderBy('record_person.record_id')
    .execute()
  // Every file, not only the period's: a stale linkage may point at rows of replaced files.
  const fileRows = await db.selectFrom('source_file').select(['id', 'source', 'path']).execute()
  const fileOf = new Map(
    fileRows.map((f) => [f.id, { source: f.source, path: f.path, file: path.basename(f.path) }]),
  )
  const indexOf = new Map<number, number>()
  rows.forEach((r, i) => {
    indexOf.set(r.id, i)
  })
  const pairs = await db
    .selectFrom('link_pair')
    .select(['left_record_id', 'right_record_id', 'band', 'probability', 'levels'])
    .where('link_run_id', '=', run.id)
    .orderBy('left_record_id')
    .orderBy('right_record_id')
    .execute()
  const comparisons = (JSON.parse(run.model) as { comparisons?: unknown }).comparisons
  return {
    linkRunId: run.id,
    stale: linkageIsStale(run, files),
    input: {
      sources,
      records: rows.map((r) => {
        const f = fileOf.get(r.fileId)
        if (f === undefined) throw new Error(`bug: record ${r.id} of unknown file ${r.fileId}`)
        return reconcileRecordOf(r, f.source, f.file)
      }),
      person: Float64Array.from(rows, (r) => Number(r.personId)),
      pairs: pairs.flatMap((p) => {
        const left = indexOf.get(p.left_record_id)
        const right = indexOf.get(p.right_record_id)
        if (left === undefined || right === undefined) return []
        return [
          {
            left,
            right,
            band: p.band === 'accept' ? 'accept' : 'review',
            probability: p.probability,
            levels: p.levels,
          },
        ]
      }),
      ...(Array.isArray(comparisons) && comparisons.every((c) => typeof c === 'string')
        ? { comparisons: comparisons as string[] }
        : {}),
    },
  }
}

/**
 * One stored record as reconciliation reads it. `file` is the export's base name so that
 * record refs read `register-persons-2026-10.csv:28:subject`, the form of generator truth;
 * the ID's own birth date and sex come from its digits; the rest of the fields from `detail`.
 */
export function reconcileRecordOfRow(r: ReconcileRow): ReconcileRecord {
  return reconcileRecordOf(r, r.source, path.basename(r.path))
}

/** reconcileRecordOfRow with the file's source and base name looked up once per file. */
function reconcileRecordOf(
  r: Omit<ReconcileRow, 'source' | 'path'>,
  source: string,
  file: string,
): ReconcileRecord {
  const d = JSON.parse(r.detail) as RecordDetail
  const id = r.idNorm
  const digits = id !== null && id.length === 18 && idWithDigits.has(r.idStatus)
  return {
    source,
    role: r.role as Role,
    fingerprint: r.fingerprint,
    file,
    line: r.line,
    residentId: {
      norm: id,
      status: r.idStatus as ResidentIdStatus,
      birthDate: digits ? realDate(residentIdBirthDigits(id)) : null,
      sex: digits ? residentIdSex(id) : null,
    },
    name: r.name,
    namePinyin: r.namePinyin,
    formerName: d.formerName ?? null,
    sex: r.sex as Sex | null,
    birthDate: r.birthDate,
    birthDateStatus:
      (d.birthStatus as DateStatus | undefined) ?? (r.birthDate === null ? 'missing' : 'valid'),
    maritalStatus: (d.maritalStatus as MaritalStatus | undefined) ?? null,
    householdNo: d.householdNo ?? null,
    community: r.community,
    dwelling: d.residence ?? d.address ?? null,
    category: (d.category as PersonCategory | undefined) ?? null,
    status: (d.status as RecordStatus | undefined) ?? null,
    statusReason: d.statusReason ?? null,
    eventType: r.eventType as EventType | null,
    eventDate: r.eventDate,
  }
}

/** YYYYMMDD → YYYY-MM-DD when it is a day of the (proleptic Gregorian) calendar, else null. */
export function realDate(yyyymmdd: string): string | null {
  // Arithmetic rather than Date.parse: this runs once per record with an ID.
  if (!/^\d{8}$/.test(yyyymmdd)) return null
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}
