import type { AttributeNormalizer } from '../domain/attribute.js'
import type { RecordKind } from '../domain/record-kind.js'
import type { SourceAgency } from '../domain/source-agency.js'
import type { BlockingRule } from '../match/blocking-rule.js'
import type { LinkType } from '../match/link-type.js'
import type { ComparisonSpec } from '../match/named-comparison.js'
import type { Check } from '../reconcile/check.js'
import type { FieldKey } from './field-key.js'

/** The resolved pipeline: defaults filled in, paths absolute, column keys parsed. */
export interface Pipeline {
  /** Absolute path of the pipeline file. */
  readonly file: string
  readonly name: string
  readonly description: string
  /** Without `jurisdiction:` in the file: county 000000, no communities (data from outside China). */
  readonly jurisdiction: Jurisdiction
  /** Declared attributes (`attributes:`), in the order written. */
  readonly attributes: readonly Attribute[]
  readonly sources: readonly Source[]
  /** Null when the file has no `matching:` section: ingest works, matching commands refuse. */
  readonly matching: Matching | null
  /** Null when the file has no `evaluation:` section. */
  readonly evaluation: Evaluation | null
  /** The `checks:` list, in report order (empty when the file has none): what bidui run raises. */
  readonly checks: readonly Check[]
  /** The `reports:` section, defaults filled in (IDs masked, Chinese). */
  readonly reports: ReportSettings
}

/** How bidui run writes its reports. */
export interface ReportSettings {
  /** Show ID numbers as 410105********1234 (default true). */
  readonly maskIds: boolean
  /** Language of the summary page, the workbook summary and the printed sheets. */
  readonly lang: 'zh' | 'en'
}

/** A free-named field declared by the pipeline (domain/attribute.ts). */
export interface Attribute {
  readonly name: string
  readonly normalizer: AttributeNormalizer
}

/** The `evaluation:` section: where the ground truth is, for `bidui evaluate`. */
export interface Evaluation {
  /**
   * The attribute holding the truth: records with the same entity (below) are the same person.
   * Never used for matching: pipeline validation refuses it in blocking and comparisons.
   */
  readonly truthAttribute: string
  /**
   * Applied to the attribute's normalized value; its first capture group (the whole match when
   * it has none) is the entity, e.g. `^rec-(\d+)` takes 1070 from rec-1070-dup-0. Null: the value
   * itself. A value it does not match has no entity (the record is out of scope).
   */
  readonly pattern: string | null
}

/** The `matching:` section, defaults filled in. */
export interface Matching {
  /** Most candidate pairs one blocking rule may make (pairs within its blocks). */
  readonly pairBudget: number
  /**
   * Which pairs are considered: across sources, within each, or both. Always set by
   * resolvePipeline; optional only so that hand-built Matching values in tests predating link
   * types still type-check (absent means linkAndDedupe).
   */
  readonly linkType?: LinkType
  /** In the order written: a pair is credited to the first rule that makes it. */
  readonly blocking: readonly BlockingRule[]
  readonly comparisons: readonly ComparisonSpec[]
  /** Match probabilities, 0 < review < accept < 1. */
  readonly thresholds: { readonly accept: number; readonly review: number }
}

export interface Jurisdiction {
  readonly county: string
  readonly name: string
  readonly addressPrefixes: readonly string[]
  readonly communities: readonly Community[]
}

export interface Community {
  readonly code: string
  readonly name: string
  readonly aliases: readonly string[]
}

export interface Source {
  readonly name: string
  readonly agency: SourceAgency
  readonly kind: RecordKind
  /** Absolute path patterns; `{period}` is replaced by the run's YYYY-MM. */
  readonly files: readonly string[]
  /** Null: from each file's extension. */
  readonly format: 'csv' | 'xlsx' | null
  readonly encoding: 'auto' | 'utf8' | 'gbk'
  readonly sheet: string | number | null
  readonly columns: readonly SourceColumn[]
}

export interface SourceColumn {
  /** The key as written in the pipeline, e.g. `wife.name` or `attr.surname`. */
  readonly key: string
  readonly field: FieldKey
  /** The export's own header. */
  readonly header: string
  readonly optional: boolean
  /** Raw value → canonical value, from `values:` (empty when none). */
  readonly values: ReadonlyMap<string, string>
}
