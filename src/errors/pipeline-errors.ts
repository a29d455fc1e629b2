import type { PipelineIssue } from '../pipeline/pipeline-issue.js'
import { BiduiError, formatLocation, type SourceLocation } from './bidui-error.js'

export class PipelineNotFoundError extends BiduiError {
  readonly code = 'PIPELINE_NOT_FOUND'
  constructor(file: string) {
    super(
      `Pipeline file ${file} does not exist.`,
      'Give the path of a YAML file under pipelines/, e.g. `bidui validate pipelines/demo.yaml`.',
      { file },
    )
  }
}

export class PipelineYamlSyntaxError extends BiduiError {
  readonly code = 'PIPELINE_YAML_SYNTAX'
  constructor(where: SourceLocation, detail: string) {
    super(
      `${formatLocation(where)}: the pipeline is not valid YAML: ${detail}`,
      'Check indentation (spaces, not tabs) and quoting around the reported line.',
      where,
    )
  }
}

/** A located pipeline issue, ready to print. */
export interface LocatedPipelineIssue extends PipelineIssue {
  readonly where: SourceLocation
}

/** Every problem found in one pipeline file, reported together. */
export class PipelineInvalidError extends BiduiError {
  readonly code = 'PIPELINE_INVALID'
  constructor(
    file: string,
    readonly issues: readonly LocatedPipelineIssue[],
  ) {
    super(
      `${file} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`,
      'Fix each key at the line shown; docs/pipeline-format.md describes every key.',
      issues[0]?.where ?? { file },
    )
  }
}

function formatIssue(i: LocatedPipelineIssue): string {
  const keyPath = i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? p : `.${p}`)).join('')
  const allowed = i.allowed?.length ? `\n      allowed: ${i.allowed.join(', ')}` : ''
  return `  ${formatLocation(i.where)}  ${keyPath || '(top level)'}: ${i.message}${allowed}`
}
