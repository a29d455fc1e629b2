import { z } from 'zod'
import { attributeNamePattern, attributeNormalizers } from '../domain/attribute.js'
import { recordKinds } from '../domain/record-kind.js'
import { sourceAgencies } from '../domain/source-agency.js'
import { linkTypes } from '../match/link-type.js'
import { defaultComparisons, namedComparisons } from '../match/named-comparison.js'
import { ChecksSchema } from './checks-schema.js'

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
    agency: z
      .enum(sourceAgencies)
      .describe('Which agency exports it: police, civil, health, register, or other (none of them).'),
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
        'Canonical field → the export’s own header, e.g. residentId: 公民身份号码, wife.name: 女方姓名; ' +
          'or a declared attribute, attr.<name> → header, e.g. attr.surname: surname.',
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
          'src/match/blocking-rule.ts, e.g. [birthDate, fullNamePinyin], or over attributes: ' +
          'attr.<name>, attr.<name>:first<n>, attr.<name>:last<n>.',
      ),
  })
  .describe('One blocking rule: records agreeing on every key become candidate pairs.')

const AttributeLevelSchema = z
  .union([
    z.literal('exact').describe('The normalized values are equal.'),
    z.literal('dayMonthSwapped').describe('YYYY-MM-DD dates of one year with month and day swapped.'),
    z
      .strictObject({ levenshtein: z.int().min(1).max(5).describe('Most edits.') })
      .describe('At most this many Levenshtein edits apart.'),
    z
      .strictObject({ withinDays: z.int().positive().describe('Most calendar days apart.') })
      .describe('Both YYYY-MM-DD dates, at most this many days apart.'),
    z
      .strictObject({ prefix: z.int().min(1).max(99).describe('Characters compared.') })
      .describe('The first n characters are equal (a date’s year-month is prefix: 7).'),
  ])
  .describe('One level of an attribute comparison.')

const AttributeComparisonSchema = z
  .strictObject({
    attribute: z.string().min(1).describe('The declared attribute compared, e.g. surname.'),
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'a comparison name is lower snake case, e.g. surname')
      .optional()
      .describe('Output name in models and reports; default the attribute’s name.'),
    levels: z
      .array(AttributeLevelSchema)
      .min(1, 'list at least one level')
      .max(14, 'at most 14 levels (else is added)')
      .describe('Levels most to least similar; the first that holds wins; `else` is added last.'),
    termFrequency: z
      .boolean()
      .default(false)
      .describe('Weigh exact agreement by how common the value is (needs an exact level).'),
  })
  .describe(
    'A comparison over a declared attribute, e.g. { attribute: surname, levels: [exact, { levenshtein: 2 }] }.',
  )

const ComparisonEntrySchema = z
  .union([z.enum(namedComparisons), AttributeComparisonSchema])
  .describe(
    'A preset name (residentId, chineseName, birthDate, sex, homeAddress) or a comparison over an attribute.',
  )

const ProbabilitySchema = z.number().gt(0, 'a probability above 0').lt(1, 'a probability below 1')

const MatchingSchema = z
  .strictObject({
    pairBudget: z
      .int()
      .positive()
      .default(20_000_000)
      .describe('Most candidate pairs one blocking rule may make; a rule over it stops the run.'),
    linkType: z
      .enum(linkTypes)
      .default('linkAndDedupe')
      .describe(
        'Which pairs are considered: linkAndDedupe (every pair), link (across sources only), ' +
          'dedupe (within each source only).',
      ),
    blocking: z
      .array(BlockingRuleSchema)
      .min(1, 'list at least one blocking rule')
      .describe('Blocking rules, most specific first; a pair made by an earlier rule is not made again.'),
    comparisons: z
      .array(ComparisonEntrySchema)
      .min(1, 'list at least one comparison')
      .default([...defaultComparisons])
      .describe(
        'Comparisons scoring each candidate pair: presets or attribute comparisons; default all presets but homeAddress.',
      ),
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

const EvaluationSchema = z
  .strictObject({
    truthAttribute: z
      .string()
      .min(1)
      .describe('The attribute naming the true entity of each record; never used for matching.'),
    pattern: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Regular expression on the attribute’s value; its first group (else the match) is the entity, ' +
          'e.g. ^rec-(\\d+) for FEBRL rec_id. Default: the whole value.',
      ),
  })
  .describe('Where the ground truth is, for bidui evaluate.')

const ReportsSchema = z
  .strictObject({
    maskIds: z
      .boolean()
      .default(true)
      .describe(
        'Show ID numbers as 410105********1234 in every report (default true); bidui run --no-mask overrides.',
      ),
    lang: z
      .enum(['zh', 'en'])
      .default('zh')
      .describe('Language of summary.html, the workbook summary and the printed sheets: zh (default) or en.'),
  })
  .describe('How bidui run writes reports/<period>/.')

export const PipelineSchema = z
  .strictObject({
    version: z.literal(1).describe('Pipeline format version; always 1 for now.'),
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a pipeline name is kebab-case, e.g. monthly'),
    description: z.string().default(''),
    jurisdiction: JurisdictionSchema.optional().describe(
      'Who runs this pipeline; leave it out for data from outside China (county 000000, no communities).',
    ),
    attributes: z
      .record(
        z.string().regex(attributeNamePattern, 'an attribute name is lower snake case, e.g. given_name'),
        z.enum(attributeNormalizers),
      )
      .default({})
      .describe('Free-named fields and their normalizer (text, digits, date or none), e.g. surname: text.'),
    sources: z.array(SourceSchema).min(1, 'list at least one source'),
    matching: MatchingSchema.optional().describe('Matching settings; without them nothing can be matched.'),
    evaluation: EvaluationSchema.optional().describe('Ground truth for bidui evaluate, from an attribute.'),
    checks: ChecksSchema.optional().describe(
      'Reconciliation checks (missing, duplicate, conflict, stale, invalid), in report order; bidui run raises their cases.',
    ),
    reports: ReportsSchema.optional().describe('Report settings: ID masking and language.'),
  })
  .describe('A bidui pipeline: where the exports are and how to read them.')

/** The pipeline as written, after defaults. */
export type WrittenPipeline = z.output<typeof PipelineSchema>
export type WrittenSource = WrittenPipeline['sources'][number]
export type WrittenMatching = NonNullable<WrittenPipeline['matching']>
export type WrittenEvaluation = NonNullable<WrittenPipeline['evaluation']>
export type WrittenAttributeLevel = z.output<typeof AttributeLevelSchema>
