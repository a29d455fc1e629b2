import { personCategories, recordStatuses } from '../domain/canonical-field.js'
import { maritalStatuses } from '../domain/marital-status.js'
import { eventTypes, identifyingRolesOfKind } from '../domain/record-kind.js'
import { blockingKeys, isBlockingKey } from '../match/blocking-rule.js'
import { parseFieldKey } from './field-key.js'
import type { PipelineIssue } from './pipeline-issue.js'
import type { WrittenMatching, WrittenPipeline, WrittenSource } from './pipeline-schema.js'

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
  uniqueNames(p, issues)
  uniqueCommunities(p, issues)
  p.sources.forEach((s, i) => {
    checkColumns(s, i, issues)
    checkIdentifyingRoles(s, i, issues)
    checkFormat(s, i, issues)
  })
  if (p.matching) checkMatching(p.matching, issues)
  return issues
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
  p.jurisdiction.communities.forEach((c, i) => {
    if (seen.has(c.code)) {
      issues.push({
        path: ['jurisdiction', 'communities', i, 'code'],
        message: `community code ${c.code} is listed twice`,
      })
    }
    seen.add(c.code)
  })
}

function checkColumns(s: WrittenSource, i: number, issues: PipelineIssue[]): void {
  const mapped = new Set<string>()
  for (const key of Object.keys(s.columns)) {
    const parsed = parseFieldKey(key, s.kind)
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

function checkIdentifyingRoles(s: WrittenSource, i: number, issues: PipelineIssue[]): void {
  for (const role of identifyingRolesOfKind[s.kind]) {
    const has = Object.keys(s.columns).some((key) => {
      const parsed = parseFieldKey(key, s.kind)
      return (
        !('problem' in parsed) &&
        parsed.scope === 'person' &&
        parsed.role === role &&
        (parsed.field === 'name' || parsed.field === 'residentId')
      )
    })
    if (!has) {
      const prefix = role === 'subject' ? '' : `${role}.`
      issues.push({
        path: ['sources', i, 'columns'],
        message: `a ${s.kind} source must map ${prefix}name or ${prefix}residentId: without them nobody can be matched`,
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

function checkMatching(m: WrittenMatching, issues: PipelineIssue[]): void {
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
          allowed: blockingKeys,
        })
      } else if (seen.has(key)) {
        issues.push({ path: ['matching', 'blocking', i, 'keys', j], message: `key "${key}" is listed twice` })
      }
      seen.add(key)
    })
  })
  const compared = new Set<string>()
  m.comparisons.forEach((c, i) => {
    if (compared.has(c)) {
      issues.push({ path: ['matching', 'comparisons', i], message: `comparison "${c}" is listed twice` })
    }
    compared.add(c)
  })
  if (m.thresholds.review >= m.thresholds.accept) {
    issues.push({
      path: ['matching', 'thresholds', 'review'],
      message: `review (${m.thresholds.review}) must be below accept (${m.thresholds.accept})`,
    })
  }
}
