import { BiduiError } from './bidui-error.js'

/** One problem found in a saved link model: where in the JSON, and what is wrong there. */
export interface LinkModelIssue {
  /** JSON path, e.g. ['comparisons', 1, 'm', 3]; empty for the whole document. */
  readonly path: readonly (string | number)[]
  readonly message: string
}

/** A saved link model is not a link model at all: every schema problem is listed. */
export class LinkModelInvalidError extends BiduiError {
  readonly code = 'MATCH_MODEL_INVALID'
  constructor(
    file: string,
    readonly issues: readonly LinkModelIssue[],
  ) {
    super(
      `${file} is not a bidui link model:\n${issues.map(formatIssue).join('\n')}`,
      'Train it again with `bidui train`, or point to a model file that command wrote.',
      { file },
    )
  }
}

/**
 * A saved link model does not fit the pipeline's comparisons (a comparison added, removed,
 * reordered, or its levels changed since training): its parameters would score the wrong levels.
 */
export class LinkModelMismatchError extends BiduiError {
  readonly code = 'MATCH_MODEL_MISMATCH'
  constructor(
    file: string,
    readonly issues: readonly LinkModelIssue[],
  ) {
    super(
      `${file} does not fit the pipeline's matching comparisons:\n${issues.map(formatIssue).join('\n')}`,
      'The pipeline changed since the model was trained: train a new model with `bidui train`.',
      { file },
    )
  }
}

function formatIssue(issue: LinkModelIssue): string {
  const at = issue.path.length === 0 ? '(model)' : issue.path.join('.')
  return `  ${at}: ${issue.message}`
}
