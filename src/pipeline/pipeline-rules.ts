import { personCategories, recordStatuses } from '../domain/canonical-field.js'
import { maritalStatuses } from '../domain/marital-status.js'
import { eventTypes, identifyingRolesOfKind } from '../domain/record-kind.js'
import {
  attributeBlockingKeyForms,
  blockingKeys,
  isBlockingKey,
  parseAttributeBlockingKey,
} from '../match/blocking-rule.js'
import { namedComparison } from '../match/named-comparison.js'
import { parseFieldKey } from './field-key.js'
import type { PipelineIssue } from './pipeline-issue.js'
import type { WrittenEvaluation, WrittenMatching, WrittenPipeline, WrittenSource } from './pipeline-schema.js'

/** Canonical value sets for fields whose `values:` mappings must land in a closed set. */
const closedValueSets: Readonly<Record<string, readonly string[]>> = {
  'event.type': eventTypes,
  sex: ['male', 'female'],
  maritalStatus: maritalStatuses,
  category: personCategories,
  status: recordStatuses,
}

/**
 * Cross-field checks the schema cannot express. Each rule pushes every problem it finds, so
 * a user sees them all in one run.
 */
export function checkPipelineRules(p: WrittenPipeline): PipelineIssue[] {
  const issues: PipelineIssue[] = []
  const attributes = new Set(Object.keys(p.attributes))
  uniqueNames(p, issues)
  uniqueCommunities(p, issues)
  p.sources.forEach((s, i) => {
    checkColumns(s, i, attributes, issues)
    checkIdentifyingRoles(s, i, attributes, issues)
    checkFormat(s, i, issues)
  })
  const mapped = mappedAttributes(p)
  const truth = p.evaluation?.truthAttribute ?? null
  if (p.matching) checkMatching(p.matching, p.sources.length, mapped, truth, issues)
  if (p.evaluation) checkEvaluation(p.evaluation, mapped, issues)
  return issues
}

/** Attributes some source maps (`attr.<name>` column keys), declared or not. */
function mappedAttributes(p: WrittenPipeline): Set<string> {
  const mapped = new Set<string>()
  for (const s of p.sources) {
    for (const key of Object.keys(s.columns)) if (key.startsWith('attr.')) mapped.add(key.slice(5))
  }
  for (const a of [...mapped]) if (!(a in p.attributes)) mapped.delete(a)
  return mapped
}

function uniqueNames(p: WrittenPipeline, issues: PipelineIssue[]): void {
  const seen = new Set<string>()
  p.sources.forEach((s, i) => {
    if (seen.has(s.name))
      issues.push({ path: ['sources', i, 'name'], message: `source name "${s.name}" is used twice` })
    seen.add(s.name)
  })
}

function uniqueCommunities(p: WrittenPipeline, issues: PipelineIssue[]): void {
  const seen = new Set<string>()
  p.jurisdiction?.communities.forEach((c, i) => {
    if (seen.has(c.code)) {
      issues.push({
        path: ['jurisdiction', 'communities', i, 'code'],
        message: `community code ${c.code} is listed twice`,
      })
    }
    seen.add(c.code)
  })
}

function checkColumns(
  s: WrittenSource,
  i: number,
  attributes: ReadonlySet<string>,
  issues: PipelineIssue[],
): void {
  const mapped = new Set<string>()
  for (const key of Object.keys(s.columns)) {
    const parsed = parseFieldKey(key, s.kind, attributes)
    if ('problem' in parsed) {
      issues.push({
        path: ['sources', i, 'columns', key],
        message: parsed.problem,
        allowed: parsed.allowed,
        atKey: true,
      })
    } else {
      mapped.add(key)
    }
  }
  s.optional.forEach((key, j) => {
    if (!(key in s.columns)) {
      issues.push({
        path: ['sources', i, 'optional', j],
        message: `"${key}" is not a mapped column`,
        allowed: Object.keys(s.columns),
      })
    }
  })
  for (const [key, mapping] of Object.entries(s.values)) {
    if (!(key in s.columns)) {
      issues.push({
        path: ['sources', i, 'values', key],
        message: `values given for "${key}", which is not a mapped column`,
        allowed: Object.keys(s.columns),
        atKey: true,
      })
      continue
    }
    if (key.startsWith('attr.')) {
      issues.push({
        path: ['sources', i, 'values', key],
        message: `values are not applied to attributes: ${key} is compared as normalized`,
        atKey: true,
      })
      continue
    }
    const bare = key.includes('.') && !key.startsWith('event.') ? key.slice(key.indexOf('.') + 1) : key
    const closed = closedValueSets[bare]
    if (!closed) continue
    for (const [raw, canonical] of Object.entries(mapping)) {
      if (!closed.includes(canonical)) {
        issues.push({
          path: ['sources', i, 'values', key, raw],
          message: `"${canonical}" is not a canonical value of ${bare}`,
          allowed: closed,
        })
      }
    }
  }
}

function checkIdentifyingRoles(
  s: WrittenSource,
  i: number,
  attributes: ReadonlySet<string>,
  issues: PipelineIssue[],
): void {
  for (const role of identifyingRolesOfKind[s.kind]) {
    const has = Object.keys(s.columns).some((key) => {
      const parsed = parseFieldKey(key, s.kind, attributes)
      if ('problem' in parsed) return false
      // Attributes are row-level, allowed on single-person kinds only: they identify the subject.
      if (parsed.scope === 'attribute') return true
      return (
        parsed.scope === 'person' &&
        parsed.role === role &&
        (parsed.field === 'name' || parsed.field === 'residentId')
      )
    })
    if (!has) {
      const prefix = role === 'subject' ? '' : `${role}.`
      issues.push({
        path: ['sources', i, 'columns'],
        message: `a ${s.kind} source must map ${prefix}name, ${prefix}residentId or an attribute: without them nobody can be matched`,
      })
    }
  }
}

function checkFormat(s: WrittenSource, i: number, issues: PipelineIssue[]): void {
  if (s.format) return
  s.files.forEach((f, j) => {
    if (!/\.(csv|txt|xlsx)$/i.test(f)) {
      issues.push({
        path: ['sources', i, 'files', j],
        message: `cannot tell the format of "${f}" from its extension: add format: csv or format: xlsx`,
        allowed: ['csv', 'xlsx'],
      })
    }
  })
}

function checkMatching(
  m: WrittenMatching,
  sourceCount: number,
  mapped: ReadonlySet<string>,
  truth: string | null,
  issues: PipelineIssue[],
): void {
  if (m.linkType === 'link' && sourceCount < 2) {
    issues.push({
      path: ['matching', 'linkType'],
      message: 'linkType link pairs records of different sources, and there is one source',
      allowed: ['linkAndDedupe', 'dedupe'],
    })
  }
  const attributeUse = (attribute: string, path: (string | number)[], what: string): void => {
    if (attribute === truth) {
      issues.push({
        path,
        message: `${what} uses "${attribute}", the evaluation's truth attribute: truth is never matched on`,
      })
    } else if (!mapped.has(attribute)) {
      issues.push({
        path,
        message: `${what} uses attribute "${attribute}", which no source maps (attr.${attribute})`,
        allowed: [...mapped].filter((a) => a !== truth),
      })
    }
  }
  const names = new Set<string>()
  m.blocking.forEach((rule, i) => {
    if (names.has(rule.name)) {
      issues.push({
        path: ['matching', 'blocking', i, 'name'],
        message: `blocking rule name "${rule.name}" is used twice`,
      })
    }
    names.add(rule.name)
    const seen = new Set<string>()
    rule.keys.forEach((key, j) => {
      if (!isBlockingKey(key)) {
        issues.push({
          path: ['matching', 'blocking', i, 'keys', j],
          message: `"${key}" is not a blocking key`,
          allowed: [...blockingKeys, ...attributeBlockingKeyForms],
        })
      } else if (seen.has(key)) {
        issues.push({ path: ['matching', 'blocking', i, 'keys', j], message: `key "${key}" is listed twice` })
      } else {
        const attribute = parseAttributeBlockingKey(key)?.attribute
        if (attribute !== undefined)
          attributeUse(attribute, ['matching', 'blocking', i, 'keys', j], 'blocking key')
      }
      seen.add(key)
    })
  })
  const compared = new Set<string>()
  m.comparisons.forEach((c, i) => {
    const name = typeof c === 'string' ? namedComparison(c).name : (c.name ?? c.attribute)
    if (compared.has(name)) {
      issues.push({ path: ['matching', 'comparisons', i], message: `comparison "${name}" is listed twice` })
    }
    compared.add(name)
    if (typeof c === 'string') return
    attributeUse(c.attribute, ['matching', 'comparisons', i, 'attribute'], 'comparison')
    if (c.termFrequency && !c.levels.includes('exact')) {
      issues.push({
        path: ['matching', 'comparisons', i, 'termFrequency'],
        message: 'a term-frequency adjustment weighs the exact level: list exact among the levels',
      })
    }
  })
  if (m.thresholds.review >= m.thresholds.accept) {
    issues.push({
      path: ['matching', 'thresholds', 'review'],
      message: `review (${m.thresholds.review}) must be below accept (${m.thresholds.accept})`,
    })
  }
}

function checkEvaluation(e: WrittenEvaluation, mapped: ReadonlySet<string>, issues: PipelineIssue[]): void {
  if (!mapped.has(e.truthAttribute)) {
    issues.push({
      path: ['evaluation', 'truthAttribute'],
      message: `"${e.truthAttribute}" is not an attribute any source maps`,
      allowed: [...mapped],
    })
  }
  if (e.pattern === undefined) return
  try {
    new RegExp(e.pattern)
  } catch (error) {
    issues.push({
      path: ['evaluation', 'pattern'],
      message: `not a regular expression: ${(error as Error).message}`,
    })
  }
}
