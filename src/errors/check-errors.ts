import { BiduiError } from './bidui-error.js'

/** `bidui check --fixtures DIR` where DIR holds no export of the pipeline, or several months. */
export class CheckNoFixturesError extends BiduiError {
  readonly code = 'CHECK_NO_FIXTURES'
  constructor(dir: string, periods: readonly string[]) {
    super(
      periods.length === 0
        ? `${dir} holds no export file named as the pipeline's files: patterns name them.`
        : `${dir} holds exports of several months (${periods.join(', ')}).`,
      periods.length === 0
        ? 'Point --fixtures at a folder written by bidui generate, or fix the pipeline’s files:'
        : `Choose one with --period, e.g. --period ${periods[periods.length - 1]}`,
      { file: dir },
    )
  }
}

/** No golden file beside the fixtures, and no --update to write one. */
export class CheckGoldenNotFoundError extends BiduiError {
  readonly code = 'CHECK_GOLDEN_NOT_FOUND'
  constructor(file: string, command: string) {
    super(
      `${file} does not exist: there are no expected cases to compare with.`,
      `Write it with ${command} --update, review it, and commit it.`,
      { file },
    )
  }
}

/** A golden file that is not in the expected-cases format. */
export class CheckGoldenUnreadableError extends BiduiError {
  readonly code = 'CHECK_GOLDEN_UNREADABLE'
  constructor(file: string, problem: string, command: string) {
    super(`${file} is not an expected-cases file: ${problem}`, `Rewrite it with ${command} --update.`, {
      file,
    })
  }
}
