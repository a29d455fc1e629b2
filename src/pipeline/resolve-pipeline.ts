import path from 'node:path'
import type { AttributeComparisonSpec, AttributeLevel } from '../match/attribute-comparison.js'
import type { BlockingKey } from '../match/blocking-rule.js'
import type { ComparisonSpec } from '../match/named-comparison.js'
import type { FieldKey } from './field-key.js'
import { parseFieldKey } from './field-key.js'
import type { Jurisdiction, Matching, Pipeline, Source, SourceColumn } from './pipeline.js'
import type {
  WrittenAttributeLevel,
  WrittenMatching,
  WrittenPipeline,
  WrittenSource,
} from './pipeline-schema.js'

/** The jurisdiction of a pipeline without one: data from outside China, no communities to resolve. */
export const noJurisdiction: Jurisdiction = {
  county: '000000',
  name: 'no jurisdiction',
  addressPrefixes: [],
  communities: [],
}

/**
 * Written form → resolved form. Assumes checkPipelineRules found nothing: every column key
 * parses and every blocking key is in the vocabulary. Paths become absolute against the pipeline file's folder.
 */
export function resolvePipeline(written: WrittenPipeline, file: string): Pipeline {
  const dir = path.dirname(file)
  const j = written.jurisdiction
  const attributes = new Set(Object.keys(written.attributes))
  return {
    file,
    name: written.name,
    description: written.description,
    jurisdiction:
      j === undefined
        ? noJurisdiction
        : {
            county: j.county,
            name: j.name,
            addressPrefixes: j.addressPrefixes,
            communities: j.communities.map((c) => ({
              code: c.code,
              name: c.name,
              aliases: c.aliases,
            })),
          },
    attributes: Object.entries(written.attributes).map(([name, normalizer]) => ({ name, normalizer })),
    sources: written.sources.map((s) => resolveSource(s, dir, attributes)),
    matching: written.matching === undefined ? null : resolveMatching(written.matching),
    evaluation:
      written.evaluation === undefined
        ? null
        : { truthAttribute: written.evaluation.truthAttribute, pattern: written.evaluation.pattern ?? null },
    // The checks schema already gives the resolved form (filters always lists).
    checks: written.checks ?? [],
    reports: { maskIds: written.reports?.maskIds ?? true, lang: written.reports?.lang ?? 'zh' },
  }
}

function resolveMatching(m: WrittenMatching): Matching {
  return {
    pairBudget: m.pairBudget,
    linkType: m.linkType,
    // checkPipelineRules has rejected any key outside the vocabulary.
    blocking: m.blocking.map((r) => ({ name: r.name, keys: r.keys as BlockingKey[] })),
    comparisons: m.comparisons.map(
      (c): ComparisonSpec =>
        typeof c === 'string'
          ? c
          : ({
              name: c.name ?? c.attribute,
              attribute: c.attribute,
              levels: c.levels.map(resolveLevel),
              termFrequency: c.termFrequency,
            } satisfies AttributeComparisonSpec),
    ),
    thresholds: { accept: m.thresholds.accept, review: m.thresholds.review },
  }
}

/** A written level (`exact`, `{ levenshtein: 2 }`) as the tagged data attribute-comparison.ts reads. */
export function resolveLevel(level: WrittenAttributeLevel): AttributeLevel {
  if (level === 'exact') return { kind: 'exact' }
  if (level === 'dayMonthSwapped') return { kind: 'dayMonthSwapped' }
  if ('levenshtein' in level) return { kind: 'levenshtein', max: level.levenshtein }
  if ('withinDays' in level) return { kind: 'withinDays', days: level.withinDays }
  return { kind: 'prefix', length: level.prefix }
}

function resolveSource(s: WrittenSource, dir: string, attributes: ReadonlySet<string>): Source {
  const optional = new Set(s.optional)
  const columns: SourceColumn[] = Object.entries(s.columns).map(([key, header]) => ({
    key,
    field: parseFieldKey(key, s.kind, attributes) as FieldKey,
    header,
    optional: optional.has(key),
    values: new Map(Object.entries(s.values[key] ?? {})),
  }))
  return {
    name: s.name,
    agency: s.agency,
    kind: s.kind,
    files: s.files.map((f) => path.resolve(dir, f)),
    format: s.format ?? null,
    encoding: s.encoding,
    sheet: s.sheet ?? null,
    columns,
  }
}
