import { createHash } from 'node:crypto'

/** What identifies a stored record across monthly re-ingests. */
export interface FingerprintSource {
  readonly source: string
  readonly role: string
  /** `detail.recordNo`: the agency's number for a person (个案编号, 人口编号). */
  readonly recordNo: string | null
  /** `detail.documentNo`: the number of the event's document (结婚证字号, 出生医学证明编号). */
  readonly documentNo: string | null
  /** The source row's text as read. */
  readonly raw: string
}

/**
 * The record's natural key, the part of its fingerprint an officer can look up:
 * - `recordNo:…` for a person row (role subject) of a source that numbers its persons, since
 *   such a row keeps its number while its other cells change (a status, an address);
 * - `documentNo:…` for a role on an event document (a spouse, a parent, a child), the same
 *   document and role being the same record next month;
 * - otherwise `row:` and a hash of the row text: the same text is the same record.
 * @example naturalKey({ source: 'register-persons', role: 'subject', recordNo: 'JS001', documentNo: null, raw: '…' }) // 'recordNo:JS001'
 */
export function naturalKey(r: FingerprintSource): string {
  if (r.role === 'subject' && r.recordNo !== null && r.recordNo !== '') return `recordNo:${r.recordNo}`
  if (r.documentNo !== null && r.documentNo !== '') return `documentNo:${r.documentNo}`
  return `row:${createHash('sha1').update(r.raw).digest('hex').slice(0, 20)}`
}

/**
 * Fingerprints of a period's records, in their order: source, role and natural key, unique
 * within the period. When two records share one (a row repeated in an export), the second and
 * later get `#2`, `#3`… in order, so the same export order gives the same fingerprints.
 */
export function recordFingerprints(records: readonly FingerprintSource[]): string[] {
  const counter = new FingerprintCounter()
  return records.map((r) => counter.next(r))
}

/**
 * recordFingerprints one record at a time, for a caller reading a period in order without
 * keeping every record's source text: `next` gives the fingerprint of the next record.
 */
export class FingerprintCounter {
  private readonly seen = new Map<string, number>()

  next(r: FingerprintSource): string {
    const base = `${r.source}|${r.role}|${naturalKey(r)}`
    const n = (this.seen.get(base) ?? 0) + 1
    this.seen.set(base, n)
    return n === 1 ? base : `${base}#${n}`
  }
}

/**
 * The natural key inside a fingerprint of a record of `source` in `role` (repeat number
 * included, e.g. `documentNo:J1#2`).
 * @example naturalKeyOfFingerprint('civil|wife|documentNo:J1', 'civil', 'wife') // 'documentNo:J1'
 */
export function naturalKeyOfFingerprint(fingerprint: string, source: string, role: string): string {
  return fingerprint.slice(source.length + role.length + 2)
}
