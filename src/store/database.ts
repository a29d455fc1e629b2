import type { CaseDecisionTable } from './tables/case-decision.table.js'
import type { CasePeriodTable } from './tables/case-period.table.js'
import type { CaseSnapshotTable } from './tables/case-snapshot.table.js'
import type { LinkPairTable } from './tables/link-pair.table.js'
import type { LinkRunTable } from './tables/link-run.table.js'
import type { PersonTable } from './tables/person.table.js'
import type { PersonEventTable } from './tables/person-event.table.js'
import type { RecordTable } from './tables/record.table.js'
import type { RecordPersonTable } from './tables/record-person.table.js'
import type { RejectTable } from './tables/reject.table.js'
import type { RunTable } from './tables/run.table.js'
import type { SourceFileTable } from './tables/source-file.table.js'
import type { TrackedCaseTable } from './tables/tracked-case.table.js'

/** Every table of the store, for Kysely. */
export interface Database {
  run: RunTable
  source_file: SourceFileTable
  record: RecordTable
  reject: RejectTable
  link_run: LinkRunTable
  link_pair: LinkPairTable
  record_person: RecordPersonTable
  person: PersonTable
  person_event: PersonEventTable
  case_snapshot: CaseSnapshotTable
  case_period: CasePeriodTable
  tracked_case: TrackedCaseTable
  case_decision: CaseDecisionTable
}
