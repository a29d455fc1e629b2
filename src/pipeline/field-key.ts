import { attributeNamePattern, attributePrefix } from '../domain/attribute.js'
import { type EventField, eventFields, type PersonField, personFields } from '../domain/canonical-field.js'
import { type RecordKind, type Role, rolesOfKind } from '../domain/record-kind.js'

/**
 * A column key of a pipeline, understood: a row-level event field, one role's person field, or
 * a declared attribute (`attr.<name>`, row-level, for single-person kinds).
 */
export type FieldKey =
  | { readonly scope: 'event'; readonly field: EventField }
  | { readonly scope: 'person'; readonly role: Role; readonly field: PersonField }
  | { readonly scope: 'attribute'; readonly name: string }

export type FieldKeyProblem = { readonly problem: string; readonly allowed: readonly string[] }

/**
 * Parses `name`, `wife.name`, `event.date` or `attr.surname` for a source of the given kind.
 * Single-person kinds write person fields bare; kinds with several roles must name the role.
 * An attribute must be among `attributes` (the pipeline's `attributes:`) and its kind single-person.
 */
export function parseFieldKey(
  key: string,
  kind: RecordKind,
  attributes: ReadonlySet<string> = new Set(),
): FieldKey | FieldKeyProblem {
  const roles = rolesOfKind[kind]
  const allowed = allowedFieldKeys(kind, attributes)
  if (key.startsWith(attributePrefix)) {
    const name = key.slice(attributePrefix.length)
    if (roles.length > 1) {
      return {
        problem: `kind ${kind} has several people per row: attributes need a single-person kind`,
        allowed,
      }
    }
    if (!attributeNamePattern.test(name) || !attributes.has(name)) {
      return { problem: `"${name}" is not a declared attribute: declare it under attributes:`, allowed }
    }
    return { scope: 'attribute', name }
  }
  const dot = key.indexOf('.')
  if (dot < 0) {
    if (roles.length > 1) {
      return {
        problem: `kind ${kind} has several people per row: write the role, e.g. ${roles[0]}.${key}`,
        allowed,
      }
    }
    if (!isPersonField(key)) return { problem: `unknown field "${key}"`, allowed }
    return { scope: 'person', role: roles[0] as Role, field: key }
  }
  const head = key.slice(0, dot)
  const field = key.slice(dot + 1)
  if (head === 'event') {
    if (!isEventField(field)) return { problem: `unknown event field "${field}"`, allowed }
    return { scope: 'event', field }
  }
  if (!(roles as readonly string[]).includes(head) || roles.length === 1) {
    return { problem: `kind ${kind} has no role "${head}"`, allowed }
  }
  if (!isPersonField(field)) return { problem: `unknown field "${field}"`, allowed }
  return { scope: 'person', role: head as Role, field }
}

/** Every column key a source of this kind may use, for error messages. */
export function allowedFieldKeys(kind: RecordKind, attributes: ReadonlySet<string> = new Set()): string[] {
  const roles = rolesOfKind[kind]
  const person =
    roles.length === 1 ? [...personFields] : roles.flatMap((r) => personFields.map((f) => `${r}.${f}`))
  const attributeKeys = roles.length === 1 ? [...attributes].map((a) => attributePrefix + a) : []
  return [...person, ...eventFields.map((f) => `event.${f}`), ...attributeKeys]
}

/** The key as written for a parsed field, inverse of parseFieldKey. */
export function formatFieldKey(key: FieldKey, kind: RecordKind): string {
  if (key.scope === 'event') return `event.${key.field}`
  if (key.scope === 'attribute') return attributePrefix + key.name
  return rolesOfKind[kind].length === 1 ? key.field : `${key.role}.${key.field}`
}

function isPersonField(s: string): s is PersonField {
  return (personFields as readonly string[]).includes(s)
}

function isEventField(s: string): s is EventField {
  return (eventFields as readonly string[]).includes(s)
}
