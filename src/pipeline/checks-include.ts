import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { LineCounter, type Node, parseDocument } from 'yaml'
import { z } from 'zod'
import type { RecordKind } from '../domain/record-kind.js'
import { type LocatedPipelineIssue, PipelineInvalidError } from '../errors/pipeline-errors.js'
import { type CheckedSource, parseChecks } from './checks-schema.js'
import type { PipelineIssue } from './pipeline-issue.js'

/**
 * `checks: { include: monthly.yaml, floors: {...} }`: a county pipeline takes the standard
 * checks from a shared file instead of copying them, and sets only what is its own, the quality
 * floors `bidui check` holds its fixtures to. The included file holds a `checks:` list (and
 * nothing a pipeline must know besides: its source names must be the pipeline's).
 *
 * This runs on the raw document before the pipeline schema: the include is replaced by the
 * included list, floors merged in, so everything downstream sees an inline `checks:` list.
 * Problems of the included file are reported located in that file; problems of the include
 * itself (an unknown key, a missing file, floors for a check the file does not declare) in the
 * pipeline.
 */

const FloorsSchema = z.strictObject({
  precision: z.number().min(0).max(1).optional(),
  recall: z.number().min(0).max(1).optional(),
})

const IncludeSchema = z.strictObject({
  include: z.string().min(1).describe('A checks file, relative to this pipeline, e.g. monthly.yaml.'),
  floors: z
    .record(z.string(), FloorsSchema)
    .optional()
    .describe(
      'Per check id, or `all`: least precision/recall bidui check accepts, e.g. { all: { recall: 0.98 } }.',
    ),
})

export type OffsetOf = (root: Node | null, keyPath: readonly (string | number)[], atKey: boolean) => number

/** Whether the pipeline's `checks:` is the include form (a map, not a list). */
function isInclude(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * The pipeline's raw value with `checks:` expanded when it is an include; unchanged otherwise.
 * @throws PipelineInvalidError with every problem, located.
 */
export function expandChecksInclude(
  raw: unknown,
  pipelineFile: string,
  locate: (issue: PipelineIssue) => LocatedPipelineIssue,
  offsetOf: OffsetOf,
  shownAs: string,
): unknown {
  if (raw === null || typeof raw !== 'object') return raw
  const doc = raw as Record<string, unknown>
  if (!isInclude(doc.checks)) return raw
  const parsed = IncludeSchema.safeParse(doc.checks)
  if (!parsed.success) {
    throw new PipelineInvalidError(
      shownAs,
      parsed.error.issues.map((i) =>
        locate(
          i.code === 'unrecognized_keys'
            ? {
                path: ['checks', ...i.path.map(String), i.keys[0] ?? ''],
                message: `unknown key "${i.keys.join('", "')}"`,
                atKey: true,
                allowed: ['include', 'floors'],
              }
            : {
                path: ['checks', ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
                message: i.message,
              },
        ),
      ),
    )
  }
  const { include, floors = {} } = parsed.data
  const includedFile = findChecksFile(include, pipelineFile)
  const includedShown =
    includedFile === null ? include : path.relative(process.cwd(), includedFile) || includedFile
  if (includedFile === null) {
    throw new PipelineInvalidError(shownAs, [
      locate({
        path: ['checks', 'include'],
        message: `no checks file ${include} beside the pipeline nor among bidui's standard pipelines/`,
      }),
    ])
  }
  const lineCounter = new LineCounter()
  const included = parseDocument(readFileSync(includedFile, 'utf8'), { lineCounter, prettyErrors: false })
  const locateIncluded = (issue: PipelineIssue): LocatedPipelineIssue => {
    const pos = lineCounter.linePos(
      offsetOf(included.contents as Node | null, issue.path, issue.atKey ?? false),
    )
    return { ...issue, where: { file: includedShown, line: pos.line, column: pos.col } }
  }
  const firstError = included.errors[0]
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0])
    throw new PipelineInvalidError(includedShown, [
      {
        path: [],
        message: firstError.message.split('\n')[0] ?? 'not YAML',
        where: { file: includedShown, line: pos.line, column: pos.col },
      },
    ])
  }
  const body = included.toJS() as unknown
  const list =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>).checks : undefined
  if (!Array.isArray(list)) {
    throw new PipelineInvalidError(includedShown, [
      locateIncluded({ path: ['checks'], message: 'a checks file holds a `checks:` list' }),
    ])
  }
  const extra = Object.keys(body as object).filter(
    (k) => k !== 'checks' && k !== 'version' && k !== 'description',
  )
  const checked = parseChecks(list, sourcesOf(doc.sources))
  const issues = [
    ...extra.map((k) =>
      locateIncluded({
        path: [k],
        message: `unknown key "${k}"`,
        atKey: true,
        allowed: ['version', 'description', 'checks'],
      }),
    ),
    ...(checked.ok ? [] : checked.issues.map(locateIncluded)),
  ]
  if (issues.length > 0) throw new PipelineInvalidError(includedShown, issues)

  const ids = new Set(list.map((c) => (c as { id?: unknown }).id))
  const unknown = Object.keys(floors).filter((id) => id !== 'all' && !ids.has(id))
  if (unknown.length > 0) {
    throw new PipelineInvalidError(
      shownAs,
      unknown.map((id) =>
        locate({
          path: ['checks', 'floors', id],
          message: `${includedShown} declares no check "${id}"`,
          atKey: true,
          allowed: ['all', ...[...ids].map(String)],
        }),
      ),
    )
  }
  const merged = list.map((c) => {
    const id = (c as { id: string }).id
    const f = { ...floors.all, ...floors[id] }
    return Object.keys(f).length === 0
      ? c
      : { ...(c as object), floors: { ...(c as { floors?: object }).floors, ...f } }
  })
  return { ...doc, checks: merged }
}

/**
 * The checks file: beside the pipeline first (a county's own version), else the one bidui ships
 * in its pipelines/ folder (the standard checks), so a pipeline copied elsewhere keeps them.
 */
function findChecksFile(include: string, pipelineFile: string): string | null {
  const beside = path.resolve(path.dirname(pipelineFile), include)
  if (existsSync(beside)) return beside
  if (path.isAbsolute(include)) return null
  // This module is src/pipeline or dist/src/pipeline: the package root holds package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let up = 0; up < 4; up++) {
    const candidate = path.join(dir, 'pipelines', include)
    if (existsSync(path.join(dir, 'package.json'))) return existsSync(candidate) ? candidate : null
    dir = path.dirname(dir)
  }
  return null
}

/** The sources as the checks' cross-field rules need them, read leniently (the schema checks them later). */
function sourcesOf(value: unknown): CheckedSource[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((s) =>
    s !== null && typeof s === 'object' && typeof s.name === 'string' && typeof s.kind === 'string'
      ? [{ name: s.name as string, kind: s.kind as RecordKind }]
      : [],
  )
}
