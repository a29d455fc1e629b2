import path from 'node:path'
import type { FieldKey } from './field-key.js'
import { parseFieldKey } from './field-key.js'
import type { Pipeline, Source, SourceColumn } from './pipeline.js'
import type { WrittenPipeline, WrittenSource } from './pipeline-schema.js'

/**
 * Written form → resolved form. Assumes checkPipelineRules found nothing: every column key
 * parses. Paths become absolute against the pipeline file's folder.
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
