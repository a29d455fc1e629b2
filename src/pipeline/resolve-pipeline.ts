import path from 'node:path'
import type { BlockingKey } from '../match/blocking-rule.js'
import type { FieldKey } from './field-key.js'
import { parseFieldKey } from './field-key.js'
import type { Matching, Pipeline, Source, SourceColumn } from './pipeline.js'
import type { WrittenMatching, WrittenPipeline, WrittenSource } from './pipeline-schema.js'

/**
 * Written form → resolved form. Assumes checkPipelineRules found nothing: every column key
 * parses and every blocking key is in the vocabulary. Paths become absolute against the pipeline file's folder.
 */
export function resolvePipeline(written: WrittenPipeline, file: string): Pipeline {
  const dir = path.dirname(file)
  return {
    file,
    name: written.name,
    description: written.description,
    jurisdiction: {
      county: written.jurisdiction.county,
      name: written.jurisdiction.name,
      addressPrefixes: written.jurisdiction.addressPrefixes,
      communities: written.jurisdiction.communities.map((c) => ({
        code: c.code,
        name: c.name,
        aliases: c.aliases,
      })),
    },
    sources: written.sources.map((s) => resolveSource(s, dir)),
    matching: written.matching === undefined ? null : resolveMatching(written.matching),
  }
}

function resolveMatching(m: WrittenMatching): Matching {
  return {
    pairBudget: m.pairBudget,
    // checkPipelineRules has rejected any key outside the vocabulary.
    blocking: m.blocking.map((r) => ({ name: r.name, keys: r.keys as BlockingKey[] })),
    comparisons: m.comparisons,
    thresholds: { accept: m.thresholds.accept, review: m.thresholds.review },
  }
}

function resolveSource(s: WrittenSource, dir: string): Source {
  const optional = new Set(s.optional)
  const columns: SourceColumn[] = Object.entries(s.columns).map(([key, header]) => ({
    key,
    field: parseFieldKey(key, s.kind) as FieldKey,
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
