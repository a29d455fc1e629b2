import { BiduiError } from './bidui-error.js'

/**
 * A blocking rule would make more candidate pairs than the budget allows (`scope` 'rule': the
 * pairs of that rule's blocks; 'total': the pairs of all rules so far, each counted once). The
 * message names the rule and the counts, never a key value: block keys are personal data.
 */
export class BlockingBudgetError extends BiduiError {
  readonly code = 'MATCH_BLOCKING_BUDGET'
  constructor(
    readonly rule: string,
    readonly pairs: number,
    readonly budget: number,
    readonly scope: 'rule' | 'total',
  ) {
    const made = `would make ${count(pairs)} candidate pairs`
    super(
      scope === 'rule'
        ? `Blocking rule "${rule}" ${made}; the budget is ${count(budget)} per rule.`
        : `Blocking rules up to "${rule}" ${made} in all; the budget is ${count(budget)}.`,
      `Add a key to the rule "${rule}" (e.g. birthYear or sex) so its blocks are smaller, ` +
        'or raise the pair budget.',
    )
  }
}

// Grouped by thousands with plain commas, the same on every machine (no locale lookup).
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
