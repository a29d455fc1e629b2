import type { EventField, PersonField } from '../domain/canonical-field.js'
import { personCategories, recordStatuses } from '../domain/canonical-field.js'
import type { NormalizedRecord, RowEvent } from '../domain/normalized-record.js'
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

/** Kinds whose rows mean nothing without the event's date. */
const kindsNeedingEventDate = new Set(['household-change', 'marriage', 'death'])

/**
 * Compiles a source's column mapping (field → header → column index) into a fast per-row
 * function. `indexOf` maps column keys as written in the pipeline to cell positions; optional
 * columns absent from the file are simply missing from it.
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
  const roles = rolesOfKind[source.kind].filter((r) => personCells.has(r))
  const identifying = new Set(identifyingRolesOfKind[source.kind])
  const defaultType = defaultEventTypeOfKind[source.kind]
  const needsDate = kindsNeedingEventDate.has(source.kind)

  return (cells, line) => {
    const text = (c: Cell | undefined): string | null => {
      if (!c) return null
      const v = (cells[c.index] ?? '').trim()
      return v === '' ? null : v
    }

    // The row's event
    const typeCell = eventCells.get('type')
    const typeRaw = text(typeCell)
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
    const dateCell = eventCells.get('date')
    const date = normalizeDate(text(dateCell))
    if (needsDate && date.status !== 'valid') {
      const why = date.status === 'missing' ? 'is empty' : `"${date.raw}" is not a readable date`
      return reject(line, dateCell ?? null, 'ROW_BAD_REQUIRED_VALUE', `the event date ${why}`, cells)
    }
    const event: RowEvent = {
      documentNo: text(eventCells.get('documentNo')),
      type,
      date: date.norm,
      place: text(eventCells.get('place')),
      reason: text(eventCells.get('reason')),
    }

    const records: NormalizedRecord[] = []
    for (const role of roles) {
      const f = personCells.get(role) as Map<PersonField, Cell>
      const residentId = normalizeResidentId(text(f.get('residentId')))
      const name = normalizeName(text(f.get('name')))
      const identified =
        residentId.status !== 'missing' || name.norm !== null || attributeCells.some((c) => text(c) !== null)
      if (!identified) {
        if (identifying.has(role)) {
          const who = role === 'subject' ? 'the person' : `the ${role}`
          return reject(
            line,
            f.get('name') ?? f.get('residentId') ?? null,
            'ROW_NO_IDENTITY',
            `${who} has neither a name nor an ID`,
            cells,
          )
        }
        continue // an absent father, an unnamed child without an ID: nobody to record
      }
      const birthCell = f.get('birthDate')
      // A birth row's child was born at the event: 出生时间 is the child's birth date.
      const birthDate = normalizeDate(birthCell ? text(birthCell) : role === 'child' ? text(dateCell) : null)
      const address = normalizeAddress(text(f.get('address')), prefixes).norm
      const residence = normalizeAddress(text(f.get('residenceAddress')), prefixes).norm
      const communityRaw = text(f.get('community'))
      records.push({
        line,
        role,
        recordNo: text(f.get('recordNo')),
        event,
        residentId,
        name,
        formerName: normalizeName(text(f.get('formerName'))).norm,
        sex: normalizeSex(text(f.get('sex')), f.get('sex')?.overrides),
        birthDate,
        maritalStatus: normalizeMaritalStatus(
          text(f.get('maritalStatus')),
          f.get('maritalStatus')?.overrides,
        ),
        householdNo: text(f.get('householdNo')),
        relationToHead: text(f.get('relationToHead')),
        address,
        residence,
        community: resolveCommunity({ community: communityRaw, address: residence ?? address }),
        category: closedValue(text(f.get('category')), f.get('category'), personCategories),
        status: closedValue(text(f.get('status')), f.get('status'), recordStatuses),
        statusReason: text(f.get('statusReason')),
        phone: text(f.get('phone')),
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
