import type { RecordTable } from './tables/record.table.js'
import type { RejectTable } from './tables/reject.table.js'
import type { RunTable } from './tables/run.table.js'
import type { SourceFileTable } from './tables/source-file.table.js'

/** Every table of the store, for Kysely. */
export interface Database {
  run: RunTable
  source_file: SourceFileTable
  record: RecordTable
  reject: RejectTable
}
