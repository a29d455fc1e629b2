import { BiduiError } from './bidui-error.js'

/** `bidui evaluate` was given no truth: no --truth folder and no `evaluation:` in the pipeline. */
export class NoTruthError extends BiduiError {
  readonly code = 'EVALUATE_NO_TRUTH'
  constructor(pipelineFile: string) {
    super(
      `No ground truth to evaluate ${pipelineFile} against.`,
      'Give a generated district with --truth DIR, or name the truth attribute in the pipeline: ' +
        "evaluation: { truthAttribute: rec_id, pattern: '^rec-(\\d+)' }.",
      { file: pipelineFile },
    )
  }
}
