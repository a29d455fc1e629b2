/**
 * Why a source row was not stored. Bad rows are values, not exceptions: they go to the
 * rejects table and reports/<period>/rejects.csv with their file, line and column.
 */
export const rejectCodes = [
  'ROW_FIELD_COUNT', // a different number of cells than the header
  'ROW_UNREADABLE_BYTES', // bytes that do not decode in the file's encoding
  'ROW_PARSE', // the CSV parser could not read the row (e.g. a broken quote)
  'ROW_NO_IDENTITY', // a person the row must name has neither a name nor an ID
  'ROW_UNKNOWN_VALUE', // a value outside the pipeline's mapping for a field that needs one
  'ROW_BAD_REQUIRED_VALUE', // a value the row cannot do without is missing or unreadable
] as const
export type RejectCode = (typeof rejectCodes)[number]

export interface Reject {
  readonly line: number
  /** The header as written in the export, when one column is to blame. */
  readonly column: string | null
  readonly code: RejectCode
  /** One English sentence; officer-facing labels translate the code. */
  readonly reason: string
  readonly raw: string
}
