import { BiduiError } from './bidui-error.js'

/** `bidui evaluate --truth DIR` names a folder without the generator's truth files. */
export class TruthNotFoundError extends BiduiError {
  readonly code = 'EVALUATE_TRUTH_NOT_FOUND'
  constructor(file: string) {
    super(
      `Ground truth file ${file} not found.`,
      'Point --truth at a folder written by `bidui generate` (it holds truth/pairs.csv and truth/records.csv), e.g. --truth fixtures/demo.',
      { file },
    )
  }
}
