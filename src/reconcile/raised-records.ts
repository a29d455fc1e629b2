import type { Case } from './case.js'

/**
 * Which checks have already raised a case about each record (as its subject or counterpart),
 * so that a later check can leave a defect to the check that owns it (FieldRule.unlessRaisedBy).
 */
export class RaisedRecords {
  readonly #checks = new Map<number, Set<string>>()

  add(c: Case): void {
    for (const r of c.records) {
      if (r.part !== 'subject' && r.part !== 'counterpart') continue
      let set = this.#checks.get(r.index)
      if (set === undefined) {
        set = new Set()
        this.#checks.set(r.index, set)
      }
      set.add(c.checkId)
    }
  }

  /** Whether one of the checks raised a case about the record. */
  byAny(record: number, checkIds: readonly string[] | undefined): boolean {
    if (checkIds === undefined || checkIds.length === 0) return false
    const set = this.#checks.get(record)
    return set !== undefined && checkIds.some((id) => set.has(id))
  }
}
