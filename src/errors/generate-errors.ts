import { BiduiError } from './bidui-error.js'

/** One problem with the generator's options, e.g. { option: '--period', expected: 'YYYY-MM', got: '2026-13' }. */
export interface GenerateOptionProblem {
  readonly option: string
  readonly expected: string
  readonly got: string
}

/** `bidui generate` (or generateDistrict) was given options it cannot use; lists every problem at once. */
export class GenerateOptionsError extends BiduiError {
  readonly code = 'GENERATE_BAD_OPTIONS'
  constructor(readonly problems: readonly GenerateOptionProblem[]) {
    super(
      `bad generator options:\n${problems.map((p) => `  ${p.option}: expected ${p.expected}, got ${p.got}`).join('\n')}`,
      'Fix the options shown; `bidui generate --help` lists them with an example.',
    )
  }
}
