import { z } from 'zod'
import {
  LinkModelInvalidError,
  type LinkModelIssue,
  LinkModelMismatchError,
} from '../errors/link-model-errors.js'
import type { Matching } from '../pipeline/pipeline.js'
import type { Comparison } from './comparison.js'
import type { FellegiSunterModel } from './fellegi-sunter.js'
import { namedComparison } from './named-comparison.js'

/** The model file format's version; bumped when a saved model would no longer read the same. */
export const linkModelVersion = 1

/** One comparison's trained parameters, every array indexed by level value (0 = else … best). */
export interface LinkModelComparison {
  /** The comparison's output name, e.g. 'name' or 'resident_id'. */
  readonly name: string
  /** Level codes by level value, e.g. ['else', 'surname', …, 'exact']: what m and u index. */
  readonly levels: readonly string[]
  /** m[level] = P(level | match). */
  readonly m: readonly number[]
  /** u[level] = P(level | non-match), from random pairs. */
  readonly u: readonly number[]
  /**
   * Term-frequency adjustment: on `level` (the exact level), u is replaced by the agreed value's
   * share of the records being linked, floored at `minimumU`. Frequencies are counted afresh on
   * the records each prediction links, not saved: they describe the population being matched.
   */
  readonly termFrequency: { readonly level: number; readonly minimumU: number } | null
}

/** How training went, for the run summary and for judging whether to re-train. */
export interface LinkTrainingStats {
  readonly records: number
  /** Blocked pairs EM ran over (as distinct patterns). */
  readonly candidatePairs: number
  /** Blocked pairs whose records share a valid resident ID: m of the other comparisons came from them. */
  readonly seedPairs: number
  readonly patterns: number
  readonly iterations: number
  readonly converged: boolean
  /** Random pairs u was estimated from. */
  readonly uSamplePairs: number
  /** Comparisons whose m EM left as seeded (learned from the ID-sharing pairs instead). */
  readonly fixedComparisons: readonly string[]
}

/**
 * A trained Fellegi–Sunter model of one pipeline's matching section, plain JSON data: train it on
 * one month (trainLinkModel), save it, and score later months with it (predictLinks) without
 * re-training. λ is the prior of a candidate pair (after blocking) being a match.
 */
export interface LinkModel {
  readonly version: typeof linkModelVersion
  /** Name of the pipeline the model was trained for. */
  readonly pipeline: string
  /** Period (YYYY-MM) of the records it was trained on, when known. */
  readonly trainedPeriod: string | null
  readonly lambda: number
  /** In the order of the pipeline's `matching.comparisons`. */
  readonly comparisons: readonly LinkModelComparison[]
  readonly training: LinkTrainingStats
}

const probability = z.number().gt(0).lte(1)

const ComparisonSchema = z
  .object({
    name: z.string().min(1),
    levels: z.array(z.string().min(1)).min(2),
    m: z.array(probability),
    u: z.array(probability),
    termFrequency: z
      .object({ level: z.int().min(1), minimumU: z.number().gt(0).lte(1) })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const key of ['m', 'u'] as const) {
      if (c[key].length !== c.levels.length) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `has ${c[key].length} entries for ${c.levels.length} levels`,
        })
      } else if (Math.abs(c[key].reduce((a, b) => a + b, 0) - 1) > 1e-6) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'does not sum to 1' })
      }
    }
    if (c.termFrequency !== null && c.termFrequency.level >= c.levels.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['termFrequency', 'level'],
        message: `level ${c.termFrequency.level} does not exist (${c.levels.length} levels)`,
      })
    }
  })

const count = z.int().min(0)

/** The zod schema of a saved LinkModel. */
export const LinkModelSchema = z
  .object({
    version: z.literal(linkModelVersion),
    pipeline: z.string(),
    trainedPeriod: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period YYYY-MM')
      .nullable(),
    lambda: z.number().gt(0).lt(1),
    comparisons: z.array(ComparisonSchema).min(1),
    training: z
      .object({
        records: count,
        candidatePairs: count,
        seedPairs: count,
        patterns: count,
        iterations: count,
        converged: z.boolean(),
        uSamplePairs: count,
        fixedComparisons: z.array(z.string()),
      })
      .strict(),
  })
  .strict()

/**
 * Reads a saved model (already parsed from JSON) for a pipeline's matching section: checks its
 * shape with zod, then that it fits the comparisons the pipeline declares (same names, order and
 * level codes). Pure: the caller reads the file; `file` only names it in errors.
 * @throws LinkModelInvalidError listing every schema problem at once.
 * @throws LinkModelMismatchError listing every way it does not fit the comparisons.
 * @example parseLinkModel(JSON.parse(text), pipeline.matching, 'models/demo.json')
 */
export function parseLinkModel(json: unknown, matching: Matching, file: string): LinkModel {
  const parsed = LinkModelSchema.safeParse(json)
  if (!parsed.success) {
    throw new LinkModelInvalidError(
      file,
      parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
    )
  }
  const model: LinkModel = parsed.data
  const issues = linkModelMisfits(model, matching.comparisons.map(namedComparison))
  if (issues.length > 0) throw new LinkModelMismatchError(file, issues)
  return model
}

/** Every way `model` does not fit `comparisons` (empty when it fits): names, order, level codes, term frequencies. */
export function linkModelMisfits(model: LinkModel, comparisons: readonly Comparison[]): LinkModelIssue[] {
  const issues: LinkModelIssue[] = []
  const saved = model.comparisons.map((c) => c.name)
  const wanted = comparisons.map((c) => c.name)
  if (saved.join('\u0000') !== wanted.join('\u0000')) {
    issues.push({
      path: ['comparisons'],
      message: `expected comparisons [${wanted.join(', ')}], got [${saved.join(', ')}]`,
    })
    return issues
  }
  comparisons.forEach((c, index) => {
    const p = model.comparisons[index] as LinkModelComparison
    const codes = levelCodes(c)
    if (codes.join('\u0000') !== p.levels.join('\u0000')) {
      issues.push({
        path: ['comparisons', index, 'levels'],
        message: `${c.name}: expected levels [${codes.join(', ')}], got [${p.levels.join(', ')}]`,
      })
    }
    const tfLevel = c.termFrequency?.level ?? null
    if ((p.termFrequency?.level ?? null) !== tfLevel) {
      issues.push({
        path: ['comparisons', index, 'termFrequency'],
        message: `${c.name}: expected the term-frequency level ${tfLevel ?? 'none'}, got ${p.termFrequency?.level ?? 'none'}`,
      })
    }
  })
  return issues
}

/** A comparison's level codes by level value: index 0 is `else`, the last the best level. */
export function levelCodes(comparison: Comparison): string[] {
  return comparison.levels.map((l) => l.code).reverse()
}

/** The scoring view of a saved model (fellegi-sunter.ts), comparisons in the model's order. */
export function fellegiSunterModelOf(model: LinkModel): FellegiSunterModel {
  return {
    lambda: model.lambda,
    comparisons: model.comparisons.map((c) => ({
      name: c.name,
      m: c.m,
      u: c.u,
      tfLevel: c.termFrequency?.level ?? null,
      tfMinimumU: c.termFrequency?.minimumU ?? 1,
    })),
  }
}
