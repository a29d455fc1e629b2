import type { Case } from './case.js'
import type { Check } from './check.js'
import { RaisedRecords } from './raised-records.js'
import { buildContext, compareText, type ReconcileContext } from './reconcile-context.js'
import type { ReconcileInput, ReconcileOptions } from './reconcile-input.js'
import { conflictCases } from './rules/conflict.js'
import { duplicateCases } from './rules/duplicate.js'
import { invalidCases } from './rules/invalid.js'
import { missingCases } from './rules/missing.js'
import { staleCases } from './rules/stale.js'

/**
 * Runs the checks over a linked period and returns every case, in a deterministic order: by
 * check (as listed), then community (未能定位 last), then the subjects' refs. Pure: the same
 * input gives the same cases, and the same records in another order give the same keys.
 * A case key appears once: should two rules of one check produce the same subjects (a
 * duplicate that is also in a doubtful pair), the first is kept, the confirmed one.
 * @throws RangeError when the input is inconsistent (a person array of the wrong length, a
 *   pair outside the records, a record of an unknown source): a bug in the adapter, not data.
 */
export function reconcile(
  input: ReconcileInput,
  checks: readonly Check[],
  options: ReconcileOptions,
): Case[] {
  const ctx = buildContext(input, options)
  const out: { order: number; sort: string; c: Case }[] = []
  const raised = new RaisedRecords()
  checks.forEach((check, order) => {
    const seen = new Set<string>()
    for (const c of casesOf(ctx, check, raised)) {
      if (seen.has(c.key)) continue
      seen.add(c.key)
      raised.add(c)
      const subjects = c.records.filter((r) => r.part === 'subject').map((r) => r.ref)
      out.push({ order, sort: `${c.community ?? '\uffff'}\u0000${subjects.join(' ')}`, c })
    }
  })
  out.sort((a, b) => a.order - b.order || compareText(a.sort, b.sort) || compareText(a.c.key, b.c.key))
  return out.map((o) => o.c)
}

function casesOf(ctx: ReconcileContext, check: Check, raised: RaisedRecords): Case[] {
  switch (check.kind) {
    case 'missing':
      return missingCases(ctx, check, raised)
    case 'duplicate':
      return duplicateCases(ctx, check)
    case 'conflict':
      return conflictCases(ctx, check, raised)
    case 'stale':
      return staleCases(ctx, check)
    case 'invalid':
      return invalidCases(ctx, check)
  }
}
