import type { SourceLocation } from '../errors/bidui-error.js'
import type { ErrorCode } from '../errors/error-codes.js'
import type { NormalizedBatch, NormalizedStreamRequest } from './normalized-stream.js'
import type { ByteRange, TableHeader } from './table-source.js'

/** What ingest-worker.ts is started with. */
export interface WorkerJob {
  readonly request: NormalizedStreamRequest
  /** The ranges this worker reads, in order; `null` reads the whole file. */
  readonly ranges: readonly (ByteRange | null)[]
  /** Batches it may post before the store thread acknowledges one. */
  readonly maxInFlight: number
}

/** Messages from ingest-worker.ts to the thread writing the store. */
export type WorkerMessage =
  | {
      readonly type: 'header'
      readonly header: TableHeader
      readonly indexOf: [string, number][]
      readonly bytes: number
    }
  | { readonly type: 'batch'; readonly batch: NormalizedBatch }
  /** Every batch of the current range has been posted; the next batch belongs to the next range. */
  | { readonly type: 'range-done' }
  | { readonly type: 'done' }
  /** A range ended inside a quoted cell: the file must be read whole (see scan-export.ts). */
  | { readonly type: 'split-unsafe'; readonly line: number }
  | { readonly type: 'error'; readonly error: RelayedErrorData }

export type RelayedErrorData =
  | {
      readonly known: true
      readonly code: ErrorCode
      readonly message: string
      readonly hint?: string
      readonly where?: SourceLocation
    }
  | { readonly known: false; readonly message: string }
