/** One problem in a pipeline file: where (a key path) and what, with the allowed values when a set is closed. */
export interface PipelineIssue {
  readonly path: readonly (string | number)[]
  readonly message: string
  readonly allowed?: readonly string[]
  /** Point at the key itself rather than its value (e.g. an unknown key). */
  readonly atKey?: boolean
}
