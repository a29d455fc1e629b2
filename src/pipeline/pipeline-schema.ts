import { z } from 'zod'
import { agencies } from '../domain/agency.js'
import { recordKinds } from '../domain/record-kind.js'
import { namedComparisons } from '../match/named-comparison.js'

/**
 * The authored form of a pipeline file (YAML under pipelines/). This schema IS the format:
 * every key is described here, `bidui validate` checks files against it, and
 * resolve-pipeline.ts turns the parsed value into the resolved `Pipeline`.
 *
 * Cross-field checks (a column key naming a role its kind does not have, a value mapping for
 * an unmapped field) live in pipeline-rules.ts so that all problems are reported together.
 */

const CommunitySchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^\d{6,15}$/, 'a community code is 6 to 15 digits, e.g. 410105001001')
      .describe('Community or village code (GB/T 2260 + township + village digits, or the register’s own).'),
    name: z.string().min(1).describe('The name officers use, e.g. 文化路社区.'),
    aliases: z
      .array(z.string().min(1))
      .default([])
      .describe('Other spellings seen in exports, e.g. 文化路居委会.'),
  })
  .describe('One community (社区) or village (村) that receives cases.')

const JurisdictionSchema = z
  .strictObject({
    county: z
      .string()
      .regex(/^\d{6}$/, 'the county code is exactly 6 digits (GB/T 2260), quoted: county: "410105"')
      .describe('6-digit GB/T 2260 code of the county or district running the reconciliation.'),
    name: z.string().min(1).describe('Its name, e.g. 金水区.'),
    addressPrefixes: z
      .array(z.string().min(1))
      .default([])
      .describe('Province/city/district names removed from the start of addresses before comparing.'),
    communities: z
      .array(CommunitySchema)
      .min(1, 'list at least one community')
      .describe('Every community of the jurisdiction; cases are assigned to these.'),
  })
  .describe('Who runs this pipeline and where cases go.')

const SourceSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a source name is kebab-case, e.g. police-changes')
      .describe('Unique name of the source within the pipeline.'),
    agency: z.enum(agencies).describe('Which agency exports it: police, civil, health or register.'),
    kind: z.enum(recordKinds).describe('The shape of its rows.'),
    files: z
      .array(z.string().min(1))
      .min(1, 'list at least one file')
      .describe('Export files, relative to the pipeline file; {period} is replaced by YYYY-MM.'),
    format: z.enum(['csv', 'xlsx']).optional().describe('File format; default from the file extension.'),
    encoding: z
      .enum(['auto', 'utf8', 'gbk'])
      .default('auto')
      .describe('Text encoding of CSV files; auto detects a BOM, valid UTF-8, else GB18030.'),
    sheet: z
      .union([z.string().min(1), z.int().min(1)])
      .optional()
      .describe('XLSX worksheet name or 1-based number; default the first.'),
    columns: z
      .record(z.string(), z.string().min(1))
      .refine((c) => Object.keys(c).length > 0, 'map at least one column')
      .describe(
        'Canonical field → the export’s own header, e.g. residentId: 公民身份号码, wife.name: 女方姓名.',
      ),
    optional: z
      .array(z.string())
      .default([])
      .describe('Canonical fields whose column may be absent from a file (empty values are always allowed).'),
    values: z
      .record(z.string(), z.record(z.string(), z.string()))
      .default({})
      .describe('Per-field value mappings, raw → canonical, e.g. event.type: { 迁出: move-out }.'),
  })
  .describe('One agency export read every period.')

const BlockingRuleSchema = z
  .strictObject({
    name: z.string().min(1).describe('Shown by `bidui blocking` and in budget errors, e.g. same ID.'),
    keys: z
      .array(z.string().min(1))
      .min(1, 'list at least one key')
      .describe(
        'Keys that must be equal (and present) on both records, from the closed vocabulary of ' +
          'src/match/blocking-rule.ts, e.g. [birthDate, fullNamePinyin].',
      ),
  })
  .describe('One blocking rule: records agreeing on every key become candidate pairs.')

const ProbabilitySchema = z.number().gt(0, 'a probability above 0').lt(1, 'a probability below 1')

const MatchingSchema = z
  .strictObject({
    pairBudget: z
      .int()
      .positive()
      .default(20_000_000)
      .describe('Most candidate pairs one blocking rule may make; a rule over it stops the run.'),
    blocking: z
      .array(BlockingRuleSchema)
      .min(1, 'list at least one blocking rule')
      .describe('Blocking rules, most specific first; a pair made by an earlier rule is not made again.'),
    comparisons: z
      .array(z.enum(namedComparisons))
      .min(1, 'list at least one comparison')
      .default([...namedComparisons])
      .describe('Comparison presets scoring each candidate pair; default all of them.'),
    thresholds: z
      .strictObject({
        accept: ProbabilitySchema.default(0.95).describe(
          'Match probability at or above which a pair is a match.',
        ),
        review: ProbabilitySchema.default(0.5).describe(
          'Match probability at or above which a pair is reviewed.',
        ),
      })
      .default({ accept: 0.95, review: 0.5 })
      .describe('Probabilities splitting scored pairs into matches, pairs to review and non-matches.'),
  })
  .describe('How records are matched: candidate pairs, how they are compared, where the cut-offs are.')

export const PipelineSchema = z
  .strictObject({
    version: z.literal(1).describe('Pipeline format version; always 1 for now.'),
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a pipeline name is kebab-case, e.g. monthly'),
    description: z.string().default(''),
    jurisdiction: JurisdictionSchema,
    sources: z.array(SourceSchema).min(1, 'list at least one source'),
    matching: MatchingSchema.optional().describe('Matching settings; without them nothing can be matched.'),
  })
  .describe('A bidui pipeline: where the exports are and how to read them.')

/** The pipeline as written, after defaults. */
export type WrittenPipeline = z.output<typeof PipelineSchema>
export type WrittenSource = WrittenPipeline['sources'][number]
export type WrittenMatching = NonNullable<WrittenPipeline['matching']>
