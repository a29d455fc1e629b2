/** Process exit codes, documented in the README and `bidui --help`. */
export const exitCodes = {
  /** The command completed; discrepancies found are results, not failures. */
  ok: 0,
  /** `bidui check` found differences from the golden files. */
  checkMismatch: 1,
  /** A known problem with the input (bad pipeline, unreadable export, store error). */
  knownError: 2,
  /** An unexpected error: a bug in bidui. */
  bug: 70,
} as const
