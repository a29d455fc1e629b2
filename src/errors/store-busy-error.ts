import { BiduiError } from './bidui-error.js'

/** Another process holds the store's write lock for longer than the busy timeout (10 s). */
export class StoreBusyError extends BiduiError {
  readonly code = 'STORE_BUSY'
  constructor(location: string, cause?: unknown) {
    super(
      `The store ${location} is busy: another bidui command is writing to it`,
      'A run holds the store until it has finished (its writes appear all at once). Wait for it to end and try again.',
      { file: location },
      { cause },
    )
  }
}
