import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml'
import type { ZodError } from 'zod'
import {
  type LocatedPipelineIssue,
  PipelineInvalidError,
  PipelineNotFoundError,
  PipelineYamlSyntaxError,
} from '../errors/pipeline-errors.js'
import { checkKinds } from '../reconcile/check.js'
import { expandChecksInclude } from './checks-include.js'
import { checkChecksRules } from './checks-schema.js'
import type { Pipeline } from './pipeline.js'
import type { PipelineIssue } from './pipeline-issue.js'
import { checkPipelineRules } from './pipeline-rules.js'
import { PipelineSchema } from './pipeline-schema.js'
import { resolvePipeline } from './resolve-pipeline.js'

/**
 * Reads, validates and resolves a pipeline file. Throws PipelineNotFoundError,
 * PipelineYamlSyntaxError or PipelineInvalidError (which carries every issue, each located at
 * file:line:column).
 */
export function loadPipeline(file: string): Pipeline {
  const abs = path.resolve(file)
  if (!existsSync(abs)) throw new PipelineNotFoundError(file)
  return parsePipelineText(readFileSync(abs, 'utf8'), abs, file)
}

/**
 * Validates pipeline text as if read from `file` (absolute, used to resolve relative paths);
 * `shownAs` is how locations name the file.
 */
export function parsePipelineText(text: string, file: string, shownAs: string = file): Pipeline {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const firstError = doc.errors[0]
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0])
    throw new PipelineYamlSyntaxError(
      { file: shownAs, line: pos.line, column: pos.col },
      firstError.message.split('\n')[0] ?? '',
    )
  }
  const locate = (issue: PipelineIssue): LocatedPipelineIssue => {
    const offset = offsetOf(doc.contents as Node | null, issue.path, issue.atKey ?? false)
    const pos = lineCounter.linePos(offset)
    return { ...issue, where: { file: shownAs, line: pos.line, column: pos.col } }
  }
  // `checks: { include: monthly.yaml }` becomes the included list (checks-include.ts).
  const parsed = PipelineSchema.safeParse(expandChecksInclude(doc.toJS(), file, locate, offsetOf, shownAs))
  if (!parsed.success) throw new PipelineInvalidError(shownAs, zodIssues(parsed.error).map(locate))
  const ruleIssues = [
    ...checkPipelineRules(parsed.data),
    ...checkChecksRules(parsed.data.checks ?? [], parsed.data.sources),
  ]
  if (ruleIssues.length > 0) throw new PipelineInvalidError(shownAs, ruleIssues.map(locate))
  return resolvePipeline(parsed.data, file)
}

function zodIssues(error: ZodError): PipelineIssue[] {
  return issuesOf(error.issues, [])
}

/**
 * Zod issues as pipeline issues. A union (a comparison is a preset name or an object) reports
 * the problems of the branch that fits the value's type: a mistyped preset name then lists the
 * presets, a bad level names its key, instead of one bare "Invalid input".
 */
function issuesOf(
  issues: readonly ZodError['issues'][number][],
  prefix: readonly PropertyKey[],
): PipelineIssue[] {
  return issues.flatMap((i): PipelineIssue[] => {
    const p = [...prefix, ...i.path] as (string | number)[]
    // A check whose `kind` is none of the kinds (the checks list is a union on kind).
    if (i.code === 'invalid_union' && 'note' in i && i.note === 'No matching discriminator') {
      return [{ path: p, message: 'not an allowed check kind', allowed: [...checkKinds] }]
    }
    if (i.code === 'invalid_union' && i.errors.length > 0) return unionIssues(i.errors, p)
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: [...p, k], message: `unknown key "${k}"`, atKey: true }))
    }
    if (i.code === 'invalid_value') {
      return [{ path: p, message: 'not an allowed value', allowed: i.values.map(String) }]
    }
    if (i.code === 'invalid_type' && i.message.includes('received undefined')) {
      return [{ path: p, message: `missing required key (${i.expected} expected)` }]
    }
    return [{ path: p, message: i.message }]
  })
}

/**
 * The problems of a union (a comparison is a preset name or an object; a level is a word or an
 * object): a branch that got past the value's shape (a problem below it, or a nested union) is
 * the one the author meant, the one with the fewest problems if several; when every branch failed
 * on the shape, the words they accept are listed together.
 */
function unionIssues(
  branches: readonly ZodError['issues'][number][][],
  p: (string | number)[],
): PipelineIssue[] {
  const fitting = branches.filter((b) => b.some((x) => x.path.length > 0 || x.code === 'invalid_union'))
  if (fitting.length > 0) {
    const best = fitting.reduce((a, b) => (b.length < a.length ? b : a))
    return issuesOf(best, p)
  }
  const words = branches.flatMap((b) =>
    b.flatMap((x) => (x.code === 'invalid_value' ? x.values.map(String) : [])),
  )
  if (words.length > 0) return [{ path: p, message: 'not an allowed value', allowed: words }]
  return [{ path: p, message: branches[0]?.[0]?.message ?? 'not an allowed value' }]
}

/** Offset of the node at `keyPath` (or of its key), falling back to the deepest existing ancestor. */
function offsetOf(root: Node | null, keyPath: readonly (string | number)[], atKey: boolean): number {
  let node: unknown = root
  let offset = rangeStart(root)
  for (let n = 0; n < keyPath.length; n++) {
    const step = keyPath[n]
    // A check's filter list written as one filter ({ sources: [...] }): its item 0 is the map itself.
    if (isMap(node) && step === 0) continue
    if (isMap(node)) {
      const pair = node.items.find(
        (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(step),
      )
      if (!pair) break
      const last = n === keyPath.length - 1
      offset = last && atKey ? rangeStart(pair.key as Node) : rangeStart((pair.value ?? pair.key) as Node)
      node = pair.value
    } else if (node && typeof node === 'object' && 'items' in node && typeof step === 'number') {
      const item = (node as { items: unknown[] }).items[step]
      if (item === undefined) break
      offset = rangeStart(item as Node)
      node = item
    } else {
      break
    }
  }
  return offset
}

function rangeStart(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0
}
