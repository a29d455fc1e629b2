/**
 * Every stable error code, grouped by stage. Codes are STAGE_WHAT; once released a code is
 * never renamed. The README lists them with their hints.
 */
export type ErrorCode =
  // pipeline files
  | 'PIPELINE_NOT_FOUND'
  | 'PIPELINE_YAML_SYNTAX'
  | 'PIPELINE_INVALID'
  | 'PIPELINE_NO_MATCHING'
  // reading exports
  | 'INGEST_FILE_NOT_FOUND'
  | 'INGEST_ENCODING_UNDETECTED'
  | 'INGEST_MISSING_COLUMN'
  | 'INGEST_EMPTY_FILE'
  | 'INGEST_XLSX_UNREADABLE'
  | 'INGEST_SHEET_NOT_FOUND'
  | 'INGEST_BAD_PERIOD'
  // the store
  | 'STORE_OPEN_FAILED'
  | 'STORE_MIGRATION_FAILED'
  | 'STORE_BUSY'
  // generator
  | 'GENERATE_BAD_OPTIONS'
  // matching
  | 'MATCH_BLOCKING_BUDGET'
  | 'MATCH_MODEL_INVALID'
  | 'MATCH_MODEL_MISMATCH'
  // evaluation
  | 'EVALUATE_TRUTH_NOT_FOUND'
  | 'EVALUATE_NO_TRUTH'
  // linkage (bidui link, export, train)
  | 'LINK_NO_RECORDS'
  | 'LINK_NOT_FOUND'
  | 'LINK_STALE'
  | 'LINK_CONCURRENT_WRITE'
  | 'LINK_MODEL_NOT_FOUND'
  // cases and decisions (bidui decide, bidui cases)
  | 'CASE_PERIOD_NOT_TRACKED'
  | 'CASE_NOT_FOUND'
  | 'CASE_DECISION_INVALID'
  | 'CASE_DECISIONS_FILE_UNREADABLE'
  | 'CASE_DECISION_CONFLICT'
  | 'SERVE_HOST_REFUSED'
  // bidui check (fixtures and golden files)
  | 'CHECK_NO_FIXTURES'
  | 'CHECK_GOLDEN_NOT_FOUND'
  | 'CHECK_GOLDEN_UNREADABLE'
