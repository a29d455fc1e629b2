/**
 * The shapes of rows bidui reads. A row yields one person record per role: a marriage
 * registration (婚姻登记) names husband and wife on one row, a birth (出生医学证明, or the
 * register's own birth records) names child, mother and father.
 */
export const recordKinds = [
  'person',
  'household-change',
  'marriage',
  'birth',
  'death',
  'temporary-resident',
] as const
export type RecordKind = (typeof recordKinds)[number]

/** Who a person record is within its row. Single-person kinds use `subject`. */
export const roles = ['subject', 'husband', 'wife', 'child', 'mother', 'father'] as const
export type Role = (typeof roles)[number]

/** The roles each kind's rows carry, in column order. */
export const rolesOfKind: Readonly<Record<RecordKind, readonly Role[]>> = {
  person: ['subject'],
  'household-change': ['subject'],
  marriage: ['husband', 'wife'],
  birth: ['child', 'mother', 'father'],
  death: ['subject'],
  'temporary-resident': ['subject'],
}

/**
 * Roles that must identify someone (a name or an ID) for the row to be kept. A birth
 * certificate's child is often unnamed (blank or 张丽之女) and the father may be absent.
 */
export const identifyingRolesOfKind: Readonly<Record<RecordKind, readonly Role[]>> = {
  person: ['subject'],
  'household-change': ['subject'],
  marriage: ['husband', 'wife'],
  birth: ['mother'],
  death: ['subject'],
  'temporary-resident': ['subject'],
}

/** Canonical event types carried by a row's `event.type` (变动类型, 业务类型). */
export const eventTypes = [
  'birth',
  'move-in',
  'move-out',
  'death',
  'correction',
  'marriage',
  'divorce',
  'temporary-registration',
] as const
export type EventType = (typeof eventTypes)[number]

/** The event type a kind implies when its rows carry no type column. */
export const defaultEventTypeOfKind: Readonly<Record<RecordKind, EventType | null>> = {
  person: null,
  'household-change': null,
  marriage: 'marriage',
  birth: 'birth',
  death: 'death',
  'temporary-resident': 'temporary-registration',
}
