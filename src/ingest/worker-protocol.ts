import type { SourceLocation } from '../errors/bidui-error.js'
import type { ErrorCode } from '../errors/error-codes.js'
import type { NormalizedBatch } from './normalized-stream.js'
import type { TableHeader } from './table-source.js'

/** Messages from ingest-worker.ts to the thread writing the store. */
export type WorkerMessage =
  | {
      readonly type: 'header'
      readonly header: TableHeader
      readonly indexOf: [string, number][]
      readonly bytes: number
    }
  | { readonly type: 'batch'; readonly batch: NormalizedBatch }
  | { readonly type: 'done' }
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
