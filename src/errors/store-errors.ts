import { BiduiError } from './bidui-error.js'

export class StoreOpenError extends BiduiError {
  readonly code = 'STORE_OPEN_FAILED'
  constructor(location: string, detail: string, hint: string, cause?: unknown) {
    super(`Cannot open the store ${location}: ${detail}`, hint, { file: location }, { cause })
  }
}

export class StoreMigrationError extends BiduiError {
  readonly code = 'STORE_MIGRATION_FAILED'
  constructor(location: string, migration: string, cause: unknown) {
    super(
      `Updating the store ${location} failed at migration ${migration}: ${cause instanceof Error ? cause.message : String(cause)}`,
      'The store was left at its previous version. Make a copy of the file and report this with the message above.',
      { file: location },
      { cause },
    )
  }
}
