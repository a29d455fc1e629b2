import type { ErrorCode } from './error-codes.js'

/** Where a problem is: a file, and when known the 1-based line and column. */
export interface SourceLocation {
  readonly file: string
  readonly line?: number
  readonly column?: number
}

/**
 * Base of every error a user can hit. Each subclass has a stable code (never renamed once
 * released), a message saying what is wrong, a hint saying how to fix it, and a location.
 * The CLI prints these briefly (no stack) and exits with 2; anything else is a bug.
 */
export abstract class BiduiError extends Error {
  abstract readonly code: ErrorCode
  constructor(
    message: string,
    readonly hint?: string,
    readonly where?: SourceLocation,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = new.target.name
  }
}

/** file:line:column, as editors and terminals link it. */
export function formatLocation(where: SourceLocation): string {
  let s = where.file
  if (where.line !== undefined) s += `:${where.line}`
  if (where.line !== undefined && where.column !== undefined) s += `:${where.column}`
  return s
}
