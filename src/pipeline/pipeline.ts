import type { Agency } from '../domain/agency.js'
import type { RecordKind } from '../domain/record-kind.js'
import type { BlockingRule } from '../match/blocking-rule.js'
import type { NamedComparison } from '../match/named-comparison.js'
import type { FieldKey } from './field-key.js'

/** The resolved pipeline: defaults filled in, paths absolute, column keys parsed. */
export interface Pipeline {
  /** Absolute path of the pipeline file. */
  readonly file: string
  readonly name: string
  readonly description: string
  readonly jurisdiction: Jurisdiction
  readonly sources: readonly Source[]
  /** Null when the file has no `matching:` section: ingest works, matching commands refuse. */
  readonly matching: Matching | null
}

/** The `matching:` section, defaults filled in. */
export interface Matching {
  /** Most candidate pairs one blocking rule may make (pairs within its blocks). */
  readonly pairBudget: number
  /** In the order written: a pair is credited to the first rule that makes it. */
  readonly blocking: readonly BlockingRule[]
  readonly comparisons: readonly NamedComparison[]
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
  readonly agency: Agency
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
  /** The key as written in the pipeline, e.g. `wife.name`. */
  readonly key: string
  readonly field: FieldKey
  /** The export's own header. */
  readonly header: string
  readonly optional: boolean
  /** Raw value → canonical value, from `values:` (empty when none). */
  readonly values: ReadonlyMap<string, string>
}
