import { type ZodError, z } from 'zod'
import { personCategories, recordStatuses } from '../domain/canonical-field.js'
import { maritalStatuses } from '../domain/marital-status.js'
import { residentIdStatuses } from '../domain/normalized-values.js'
import { eventTypes, type RecordKind, roles, rolesOfKind } from '../domain/record-kind.js'
import type { Check, RecordFilter } from '../reconcile/check.js'
import { checkKinds, invalidProblems } from '../reconcile/check.js'
import type { PipelineIssue } from './pipeline-issue.js'

/**
 * The authored form of a pipeline's `checks:` list: each check one configured instance of a
 * generic kind (missing, duplicate, conflict, stale, invalid). The filter vocabulary is closed:
 * anything else is reported with the allowed keys. checkChecksRules adds the cross-field
 * checks (source names, roles a source's kind does not have) so every problem is reported
 * together. The output is the resolved `Check` of reconcile/check.ts: filters always lists.
 */

const FilterSchema = z
  .strictObject({
    sources: z.array(z.string().min(1)).min(1).optional().describe('Source names, e.g. [register-persons].'),
    roles: z.array(z.enum(roles)).min(1).optional().describe('Roles within the row, e.g. [wife].'),
    eventTypes: z.array(z.enum(eventTypes)).min(1).optional().describe('The row’s event type, e.g. [death].'),
    sex: z.enum(['male', 'female']).optional().describe('Stated sex, else the ID’s.'),
    age: z
      .strictObject({
        min: z.int().min(0).max(150).optional(),
        max: z.int().min(0).max(150).optional(),
      })
      .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'age min is above max')
      .optional()
      .describe('Whole years at the event date (else the period’s last day); unknown ages pass.'),
    categories: z
      .array(z.enum(personCategories))
      .min(1)
      .optional()
      .describe('人员类别: resident, inflow, outflow.'),
    statuses: z
      .array(z.enum(recordStatuses))
      .min(1)
      .optional()
      .describe('active or cancelled; no status counts as active.'),
    maritalStatuses: z.array(z.enum(maritalStatuses)).min(1).optional().describe('Recorded marital status.'),
    statusReasons: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('注销原因 containing one of these, e.g. [死亡].'),
    inJurisdiction: z
      .boolean()
      .optional()
      .describe('The record is placed in a community of the jurisdiction.'),
    personInJurisdiction: z
      .boolean()
      .optional()
      .describe(
        'The record or another of its person places the person here now (not cancelled, moved out or dead).',
      ),
    rowInJurisdiction: z
      .boolean()
      .optional()
      .describe(
        'Its person or the person of a record on its row is placed (a newborn’s mother, a bride’s husband).',
      ),
    eventInPeriod: z.boolean().optional().describe('The event date falls in the reconciled month.'),
    notPrecededBy: z
      .strictObject({
        sources: z.array(z.string().min(1)).min(1).optional(),
        roles: z.array(z.enum(roles)).min(1).optional(),
        eventTypes: z.array(z.enum(eventTypes)).min(1).optional(),
      })
      .optional()
      .describe(
        'The person holds no such record dated before this record’s event, e.g. { sources: [police-temporary] }.',
      ),
  })
  .describe('Conditions a record must all meet.')

/** One filter or a list of them (a record matching any one). */
const FiltersSchema = z
  .union([FilterSchema, z.array(FilterSchema).min(1, 'list at least one filter')])
  .transform((f): RecordFilter[] => (Array.isArray(f) ? f : [f]))

const base = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a check id is kebab-case, e.g. missing-newlywed')
    .describe('Stable id, part of every case key: renaming it reopens every case.'),
  name: z.string().min(1).describe('The Chinese name officers read, e.g. 新婚漏管.'),
  label: z.string().min(1).describe('English label, e.g. missing newlywed.'),
  floors: z
    .strictObject({
      precision: z.number().min(0).max(1).optional(),
      recall: z.number().min(0).max(1).optional(),
    })
    .optional()
    .describe(
      'Least precision/recall against generator truth that bidui check accepts, e.g. { precision: 0.95, recall: 0.98 }.',
    ),
}

const unlessRaisedBy = z
  .array(z.string().min(1))
  .optional()
  .describe(
    'Ids of checks listed earlier whose cases already cover this field for a record, e.g. [missing-newlywed].',
  )

const FieldRuleSchema = z.union([
  z.strictObject({
    field: z.literal('name'),
    tolerance: z.enum(['exact', 'samePinyin']).default('exact'),
    unlessRaisedBy,
  }),
  z.strictObject({
    field: z.literal('birthDate'),
    withinDays: z.int().min(0).max(366).default(0),
    unlessRaisedBy,
  }),
  z.strictObject({ field: z.enum(['sex', 'maritalStatus', 'residentId']), unlessRaisedBy }),
])

const CheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('missing'),
    from: FiltersSchema.describe('The records that must be found, e.g. civil-affairs brides.'),
    in: FiltersSchema.describe('Where they must be found, e.g. active register records.'),
    unlessRaisedBy: unlessRaisedBy.describe(
      'Ids of checks listed earlier whose cases already cover the person, e.g. [missing-inflow].',
    ),
  }),
  z.strictObject({ ...base, kind: z.literal('duplicate'), of: FiltersSchema }),
  z.strictObject({
    ...base,
    kind: z.literal('conflict'),
    target: FiltersSchema.describe('The records checked (the register).'),
    authority: FiltersSchema.describe('The records believed, most trusted first.'),
    fields: z.array(FieldRuleSchema).min(1, 'list at least one field'),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('stale'),
    target: FiltersSchema,
    evidence: FiltersSchema.describe('Records showing the person gone (a death, a move-out).'),
    revokedBy: FiltersSchema.optional()
      .transform((f) => f ?? [])
      .describe('Records undoing it when dated on or after it (a move back in).'),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('invalid'),
    target: FiltersSchema,
    idStatuses: z
      .array(z.enum(residentIdStatuses))
      .default(['bad_check_digit', 'excel_truncated', 'malformed'])
      .describe('Which ID statuses are defects; add missing where every record must carry an ID.'),
    problems: z
      .array(z.enum(invalidProblems))
      .min(1)
      .default([...invalidProblems]),
  }),
])

export const ChecksSchema = z.array(CheckSchema).describe('The checks reconciliation runs, in report order.')
export type WrittenChecks = z.input<typeof ChecksSchema>

/** What the rules need to know of the pipeline's sources. */
export interface CheckedSource {
  readonly name: string
  readonly kind: RecordKind
}

export type ParsedChecks =
  | { readonly ok: true; readonly checks: Check[] }
  | { readonly ok: false; readonly issues: PipelineIssue[] }

/**
 * Parses and checks a `checks:` value (paths start at `checks`). Every problem at once: the
 * schema's, then, when the shape is right, the cross-field rules.
 */
export function parseChecks(value: unknown, sources: readonly CheckedSource[]): ParsedChecks {
  const parsed = ChecksSchema.safeParse(value)
  if (!parsed.success) return { ok: false, issues: checksZodIssues(parsed.error) }
  const checks: Check[] = parsed.data
  const issues = checkChecksRules(checks, sources)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, checks }
}

function checksZodIssues(error: ZodError): PipelineIssue[] {
  return zodIssuesAt(error.issues, ['checks'])
}

/**
 * Zod issues as pipeline issues. A union (one filter or a list of them; the field rules)
 * reports the problems of the branch fitting the value's type, so a bad event type inside a
 * single filter names its key instead of a bare "Invalid input".
 */
function zodIssuesAt(
  issues: readonly ZodError['issues'][number][],
  prefix: readonly PropertyKey[],
): PipelineIssue[] {
  return issues.flatMap((i): PipelineIssue[] => {
    const path = [...prefix, ...i.path] as (string | number)[]
    if (i.code === 'invalid_union' && 'note' in i && i.note === 'No matching discriminator') {
      return [{ path, message: 'not an allowed check kind', allowed: [...checkKinds] }]
    }
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const fitting = i.errors.filter(
        (branch) => !branch.some((b) => b.code === 'invalid_type' && b.path.length === 0),
      )
      if (fitting.length === 1) return zodIssuesAt(fitting[0] ?? [], path)
    }
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: [...path, k], message: `unknown key "${k}"`, atKey: true }))
    }
    if (i.code === 'invalid_value')
      return [{ path, message: 'not an allowed value', allowed: i.values.map(String) }]
    return [{ path, message: i.message }]
  })
}

/** Cross-field rules: unique ids and names, known sources, roles the sources' kinds have. */
export function checkChecksRules(
  checks: readonly Check[],
  sources: readonly CheckedSource[],
): PipelineIssue[] {
  const issues: PipelineIssue[] = []
  const kindOf = new Map(sources.map((s) => [s.name, s.kind]))
  const ids = new Set<string>()
  const names = new Set<string>()
  checks.forEach((c, i) => {
    if (ids.has(c.id)) issues.push({ path: ['checks', i, 'id'], message: `check id "${c.id}" is used twice` })
    if (names.has(c.name))
      issues.push({ path: ['checks', i, 'name'], message: `check name "${c.name}" is used twice` })
    ids.add(c.id)
    names.add(c.name)
    for (const [key, filters] of filterLists(c)) {
      filters.forEach((f, j) => {
        checkFilter(f, ['checks', i, key, j], kindOf, issues)
      })
    }
    if (c.kind === 'missing') {
      ;(c.unlessRaisedBy ?? []).forEach((id, k) => {
        if (!ids.has(id) || id === c.id) {
          issues.push({
            path: ['checks', i, 'unlessRaisedBy', k],
            message: `"${id}" is not the id of a check listed before this one`,
            allowed: [...ids].filter((x) => x !== c.id),
          })
        }
      })
    }
    if (c.kind === 'conflict') {
      const seen = new Set<string>()
      c.fields.forEach((f, j) => {
        ;(f.unlessRaisedBy ?? []).forEach((id, k) => {
          if (!ids.has(id) || id === c.id) {
            issues.push({
              path: ['checks', i, 'fields', j, 'unlessRaisedBy', k],
              message: `"${id}" is not the id of a check listed before this one`,
              allowed: [...ids].filter((x) => x !== c.id),
            })
          }
        })
        if (seen.has(f.field))
          issues.push({
            path: ['checks', i, 'fields', j, 'field'],
            message: `field "${f.field}" is listed twice`,
          })
        seen.add(f.field)
      })
    }
  })
  return issues
}

function filterLists(c: Check): [string, readonly RecordFilter[]][] {
  switch (c.kind) {
    case 'missing':
      return [
        ['from', c.from],
        ['in', c.in],
      ]
    case 'duplicate':
      return [['of', c.of]]
    case 'conflict':
      return [
        ['target', c.target],
        ['authority', c.authority],
      ]
    case 'stale':
      return [
        ['target', c.target],
        ['evidence', c.evidence],
        ['revokedBy', c.revokedBy],
      ]
    case 'invalid':
      return [['target', c.target]]
  }
}

function checkFilter(
  f: RecordFilter,
  path: (string | number)[],
  kindOf: ReadonlyMap<string, RecordKind>,
  issues: PipelineIssue[],
): void {
  const allowed = [...kindOf.keys()]
  const named = f.sources ?? allowed
  ;(f.sources ?? []).forEach((s, k) => {
    if (!kindOf.has(s))
      issues.push({ path: [...path, 'sources', k], message: `no source is named "${s}"`, allowed })
  })
  ;(f.notPrecededBy?.sources ?? []).forEach((s, k) => {
    if (!kindOf.has(s))
      issues.push({
        path: [...path, 'notPrecededBy', 'sources', k],
        message: `no source is named "${s}"`,
        allowed,
      })
  })
  const possible = new Set(
    named.flatMap((s) => {
      const kind = kindOf.get(s)
      return kind === undefined ? [] : rolesOfKind[kind]
    }),
  )
  ;(f.roles ?? []).forEach((r, k) => {
    if (possible.size > 0 && !possible.has(r)) {
      issues.push({
        path: [...path, 'roles', k],
        message: `no record of ${named.join(', ')} has role "${r}"`,
        allowed: [...possible],
      })
    }
  })
}
