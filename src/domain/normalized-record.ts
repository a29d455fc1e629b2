import type { PersonCategory, RecordStatus } from './canonical-field.js'
import type { MaritalStatus } from './marital-status.js'
import type { NormalizedDate, NormalizedName, NormalizedResidentId } from './normalized-values.js'
import type { EventType, Role } from './record-kind.js'
import type { Sex } from './sex.js'

/**
 * One person record after normalization: one role of one source row, with raw and
 * normalized values side by side. A marriage row gives two (husband, wife), a birth up to
 * three (child, mother, father); they share the row's line and event.
 */
export interface NormalizedRecord {
  /** 1-based physical line of the source row (XLSX: row number). */
  readonly line: number
  readonly role: Role
  readonly recordNo: string | null
  readonly event: RowEvent
  readonly residentId: NormalizedResidentId
  readonly name: NormalizedName
  readonly formerName: string | null
  readonly sex: Sex | null
  readonly birthDate: NormalizedDate
  readonly maritalStatus: MaritalStatus | null
  readonly householdNo: string | null
  readonly relationToHead: string | null
  readonly address: string | null
  readonly residence: string | null
  /** Community code, or null when the record cannot be placed (未能定位). */
  readonly community: string | null
  readonly category: PersonCategory | null
  readonly status: RecordStatus | null
  readonly statusReason: string | null
  readonly phone: string | null
}

/** What a row says happened, shared by all the people on it. */
export interface RowEvent {
  readonly documentNo: string | null
  readonly type: EventType | null
  /** YYYY-MM-DD, or null when absent or unreadable. */
  readonly date: string | null
  readonly place: string | null
  readonly reason: string | null
}
