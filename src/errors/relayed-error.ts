import { BiduiError, type SourceLocation } from './bidui-error.js'
import type { ErrorCode } from './error-codes.js'

/**
 * A known error raised in a worker thread and re-raised in the thread that started it: error
 * classes do not survive structured cloning, so code, message, hint and location travel as data.
 */
export class RelayedError extends BiduiError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    hint?: string,
    where?: SourceLocation,
  ) {
    super(message, hint, where)
  }
}
