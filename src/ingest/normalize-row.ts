import type { EventField, PersonField } from '../domain/canonical-field.js'
import { personCategories, recordStatuses } from '../domain/canonical-field.js'
import type { NormalizedRecord, RowEvent } from '../domain/normalized-record.js'
import type { NormalizedAddress, NormalizedName } from '../domain/normalized-values.js'
import {
  defaultEventTypeOfKind,
  type EventType,
  eventTypes,
  identifyingRolesOfKind,
  type Role,
  rolesOfKind,
} from '../domain/record-kind.js'
import { normalizeAddress } from '../normalize/address.js'
import { buildCommunityResolver } from '../normalize/community.js'
import { normalizeDate } from '../normalize/date.js'
import { normalizeMaritalStatus } from '../normalize/marital-status.js'
import { normalizeName } from '../normalize/name.js'
import { normalizeResidentId } from '../normalize/resident-id.js'
import { normalizeSex } from '../normalize/sex.js'
import type { Jurisdiction, Source, SourceColumn } from '../pipeline/pipeline.js'
import type { Reject } from './reject.js'

export type RowOutcome =
  | { readonly ok: true; readonly records: readonly NormalizedRecord[] }
  | { readonly ok: false; readonly reject: Reject }

/** Turns one row's cells into its person records, or a reject saying why it cannot be kept. */
export type RowNormalizer = (cells: readonly string[], line: number) => RowOutcome

interface Cell {
  readonly index: number
  readonly column: SourceColumn
  /** The column's value mapping as a plain object, for normalizers that take overrides. */
  readonly overrides: Record<string, string> | undefined
}

/** One role's cells, looked up once when the normalizer is built instead of on every row. */
type RoleCells = { readonly role: Role; readonly identifying: boolean } & {
  readonly [F in PersonField]: Cell | undefined
}

/** Kinds whose rows mean nothing without the event's date. */
const kindsNeedingEventDate = new Set(['household-change', 'marriage', 'death'])

/** A cell's text, trimmed; null when blank or when the column is absent. */
function cellText(cells: readonly string[], c: Cell | undefined): string | null {
  if (c === undefined) return null
  const v = (cells[c.index] ?? '').trim()
  return v === '' ? null : v
}

/**
 * Compiles a source's column mapping (field → header → column index) into a fast per-row
 * function. `indexOf` maps column keys as written in the pipeline to cell positions; optional
 * columns absent from the file are simply missing from it.
 *
 * The community resolver remembers its answer per raw community and address text; a normalizer
 * reused across rows gives what a fresh one gives (test/ingest/normalize-row.test.ts).
 */
export function buildRowNormalizer(
  source: Source,
  indexOf: ReadonlyMap<string, number>,
  jurisdiction: Jurisdiction,
): RowNormalizer {
  const resolveCommunity = buildCommunityResolver(jurisdiction.communities)
  const prefixes = jurisdiction.addressPrefixes
  const eventCells = new Map<EventField, Cell>()
  const personCells = new Map<Role, Map<PersonField, Cell>>()
  // Attributes (attr.<name>) are read from record.raw when matching (match-records.repository.ts);
  // here they only say that a row names somebody.
  const attributeCells: Cell[] = []
  for (const column of source.columns) {
    const index = indexOf.get(column.key)
    if (index === undefined) continue
    const cell: Cell = {
      index,
      column,
      overrides: column.values.size > 0 ? Object.fromEntries(column.values) : undefined,
    }
    if (column.field.scope === 'event') {
      eventCells.set(column.field.field, cell)
    } else if (column.field.scope === 'attribute') {
      attributeCells.push(cell)
    } else {
      const m = personCells.get(column.field.role) ?? new Map<PersonField, Cell>()
      personCells.set(column.field.role, m)
      m.set(column.field.field, cell)
    }
  }
  // Attributes belong to single-person kinds (pipeline-rules.ts): their rows have a subject.
  if (attributeCells.length > 0 && !personCells.has('subject')) personCells.set('subject', new Map())
  const identifying = new Set(identifyingRolesOfKind[source.kind])
  const roles: RoleCells[] = rolesOfKind[source.kind]
    .filter((r) => personCells.has(r))
    .map((role) => {
      const f = personCells.get(role) as Map<PersonField, Cell>
      return {
        role,
        identifying: identifying.has(role),
        recordNo: f.get('recordNo'),
        residentId: f.get('residentId'),
        name: f.get('name'),
        formerName: f.get('formerName'),
        sex: f.get('sex'),
        birthDate: f.get('birthDate'),
        maritalStatus: f.get('maritalStatus'),
        householdNo: f.get('householdNo'),
        relationToHead: f.get('relationToHead'),
        address: f.get('address'),
        residenceAddress: f.get('residenceAddress'),
        community: f.get('community'),
        category: f.get('category'),
        status: f.get('status'),
        statusReason: f.get('statusReason'),
        phone: f.get('phone'),
      }
    })
  const defaultType = defaultEventTypeOfKind[source.kind]
  const needsDate = kindsNeedingEventDate.has(source.kind)
  const typeCell = eventCells.get('type')
  const dateCell = eventCells.get('date')
  const documentNoCell = eventCells.get('documentNo')
  const placeCell = eventCells.get('place')
  const reasonCell = eventCells.get('reason')
  const noAddress: NormalizedAddress = normalizeAddress(null, prefixes)
  const noName: NormalizedName = normalizeName(null)
  // No cache per raw name here: on a generated million-person district a name recurs too
  // seldom (192,106 distinct in 894,014 rows; 37 % hits at 20,000 entries, 66 % at 100,000) for
  // the cached objects, kept alive into the old generation, to cost less than normalizeName's own
  // per-character caches (measured 1-3 µs per row slower). normalizeAddress keeps its own small one.
  const place = (raw: string | null): NormalizedAddress =>
    raw === null ? noAddress : normalizeAddress(raw, prefixes)
  const named = (raw: string | null): NormalizedName => (raw === null ? noName : normalizeName(raw))

  return (cells, line) => {
    // The row's event
    const typeRaw = cellText(cells, typeCell)
    let type: EventType | null = defaultType
    if (typeRaw !== null && typeCell) {
      const mapped = typeCell.column.values.get(typeRaw) ?? typeRaw
      if (!(eventTypes as readonly string[]).includes(mapped)) {
        return reject(
          line,
          typeCell,
          'ROW_UNKNOWN_VALUE',
          `event type "${typeRaw}" is not mapped in the pipeline's values for ${typeCell.column.key}`,
          cells,
        )
      }
      type = mapped as EventType
    }
    const dateRaw = cellText(cells, dateCell)
    const date = normalizeDate(dateRaw)
    if (needsDate && date.status !== 'valid') {
      const why = date.status === 'missing' ? 'is empty' : `"${date.raw}" is not a readable date`
      return reject(line, dateCell ?? null, 'ROW_BAD_REQUIRED_VALUE', `the event date ${why}`, cells)
    }
    const event: RowEvent = {
      documentNo: cellText(cells, documentNoCell),
      type,
      date: date.norm,
      place: cellText(cells, placeCell),
      reason: cellText(cells, reasonCell),
    }

    const records: NormalizedRecord[] = []
    for (const f of roles) {
      const role = f.role
      const residentId = normalizeResidentId(cellText(cells, f.residentId))
      const name = named(cellText(cells, f.name))
      const sexRaw = cellText(cells, f.sex)
      // A birth row's child was born at the event: 出生时间 is the child's birth date.
      const birthRaw = f.birthDate ? cellText(cells, f.birthDate) : role === 'child' ? dateRaw : null
      const identified =
        residentId.status !== 'missing' ||
        name.norm !== null ||
        attributeCells.some((c) => cellText(cells, c) !== null) ||
        // A certificate's child exists before it has a name (出生医学证明 of an unnamed newborn,
        // 张丽之女): its sex or birth date is enough to record it, with name null.
        (role === 'child' && (sexRaw !== null || birthRaw !== null))
      if (!identified) {
        if (f.identifying) {
          const who = role === 'subject' ? 'the person' : `the ${role}`
          return reject(
            line,
            f.name ?? f.residentId ?? null,
            'ROW_NO_IDENTITY',
            `${who} has neither a name nor an ID`,
            cells,
          )
        }
        continue // an absent father, a child the row says nothing about: nobody to record
      }
      const birthDate = normalizeDate(birthRaw)
      const address = place(cellText(cells, f.address)).norm
      const residence = place(cellText(cells, f.residenceAddress)).norm
      const communityRaw = cellText(cells, f.community)
      const formerNameRaw = cellText(cells, f.formerName)
      records.push({
        line,
        role,
        recordNo: cellText(cells, f.recordNo),
        event,
        residentId,
        name,
        formerName: formerNameRaw === null ? null : normalizeName(formerNameRaw).norm,
        sex: normalizeSex(sexRaw, f.sex?.overrides),
        birthDate,
        maritalStatus: normalizeMaritalStatus(cellText(cells, f.maritalStatus), f.maritalStatus?.overrides),
        householdNo: cellText(cells, f.householdNo),
        relationToHead: cellText(cells, f.relationToHead),
        address,
        residence,
        community: resolveCommunity({ community: communityRaw, address: residence ?? address }),
        category: closedValue(cellText(cells, f.category), f.category, personCategories),
        status: closedValue(cellText(cells, f.status), f.status, recordStatuses),
        statusReason: cellText(cells, f.statusReason),
        phone: cellText(cells, f.phone),
      })
    }
    return { ok: true, records }
  }
}

function reject(
  line: number,
  cell: Cell | null,
  code: Reject['code'],
  reason: string,
  cells: readonly string[],
): RowOutcome {
  return {
    ok: false,
    reject: { line, column: cell?.column.header ?? null, code, reason, raw: JSON.stringify(cells) },
  }
}

/** A value of a closed set through the pipeline's mapping; unknown values become null, not a reject. */
function closedValue<T extends string>(
  v: string | null,
  c: Cell | undefined,
  allowed: readonly T[],
): T | null {
  if (v === null) return null
  const mapped = c?.column.values.get(v) ?? v
  return (allowed as readonly string[]).includes(mapped) ? (mapped as T) : null
}
