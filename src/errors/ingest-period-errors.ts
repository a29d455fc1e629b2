import { BiduiError } from './bidui-error.js'

export class BadPeriodError extends BiduiError {
  readonly code = 'INGEST_BAD_PERIOD'
  constructor(given: string) {
    super(`"${given}" is not a period.`, 'Give the month as YYYY-MM, e.g. --period 2026-10.')
  }
}
