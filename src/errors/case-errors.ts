import { BiduiError } from './bidui-error.js'

/** How an officer finds case keys: said in every error about one. */
export function caseKeyHowTo(pipelineFile: string, period: string): string {
  return (
    `Case keys are the 案件编号 column of reports/${period}/cases.csv, or list them with ` +
    `bidui cases ${pipelineFile} --period ${period}`
  )
}

/** `bidui decide` or `bidui cases` for a month no run tracked. */
export class CasePeriodNotTrackedError extends BiduiError {
  readonly code = 'CASE_PERIOD_NOT_TRACKED'
  constructor(pipelineFile: string, period: string, store: string, tracked: readonly string[]) {
    super(
      `The store ${store} holds no cases of ${pipelineFile} for ${period}` +
        (tracked.length === 0 ? ': no month was run yet.' : ` (months run: ${tracked.join(', ')}).`),
      `Run the month first: bidui run ${pipelineFile} --period ${period}${store === 'bidui.db' ? '' : ` --db ${store}`}`,
      { file: store },
    )
  }
}

/** A case key that is not among the month's detected cases. */
export class CaseNotFoundError extends BiduiError {
  readonly code = 'CASE_NOT_FOUND'
  constructor(
    pipelineFile: string,
    period: string,
    missing: readonly { readonly key: string; readonly where?: string; readonly seen: string }[],
  ) {
    const lines = missing.map((m) => `  ${m.where === undefined ? '' : `${m.where}: `}${m.key} — ${m.seen}`)
    super(
      `${missing.length === 1 ? 'A case key is' : `${missing.length} case keys are`} not among the cases detected in ${period}; nothing was recorded:\n${lines.join('\n')}`,
      caseKeyHowTo(pipelineFile, period),
    )
  }
}

/** Flags or rows of `bidui decide` that do not make a decision; every problem listed at once. */
export class CaseDecisionInvalidError extends BiduiError {
  readonly code = 'CASE_DECISION_INVALID'
  constructor(problems: readonly string[], hint: string, file?: string) {
    super(
      `${problems.length === 1 ? 'The decision is' : `${problems.length} decisions are`} not valid; nothing was recorded:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      hint,
      file === undefined ? undefined : { file },
    )
  }
}

/** `--file` names a decisions file that cannot be read or has no case/decision columns. */
export class CaseDecisionsFileError extends BiduiError {
  readonly code = 'CASE_DECISIONS_FILE_UNREADABLE'
  constructor(file: string, detail: string) {
    super(
      `Cannot read the decisions file ${file}: ${detail}`,
      'Give a CSV (UTF-8 or GBK) with a header row: 案件编号 (or case), 决定 (or decision), and optionally 决定人 (or by) and 备注 (or note).',
      { file },
    )
  }
}

/**
 * Two reviewers decided the same case: the later one saw an older state (bidui serve sends the
 * audit id it showed). Nothing of the later request was recorded; it reloads and decides again.
 */
export class CaseDecisionConflictError extends BiduiError {
  readonly code = 'CASE_DECISION_CONFLICT'
  constructor(
    readonly conflicts: readonly {
      readonly key: string
      readonly decision: string
      readonly by: string
      readonly at: string
    }[],
  ) {
    super(
      `${conflicts.length === 1 ? 'A case was' : `${conflicts.length} cases were`} already decided by someone else since you loaded ${conflicts.length === 1 ? 'it' : 'them'}; nothing was recorded:\n${conflicts
        .map((c) => `  ${c.key} — ${c.decision} by ${c.by} at ${c.at}`)
        .join('\n')}`,
      'Reload the case to see the decision now in force, then decide again if you still disagree.',
    )
  }
}
