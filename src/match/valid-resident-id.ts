import type { MatchRecord } from './comparison.js'

// Statuses whose id_norm is a checked 18-character ID: agreeing on one is near-proof of a match.
const validIdStatuses: ReadonlySet<string> = new Set(['valid', 'upgraded_from_15'])

/**
 * The record's resident ID when its status makes it trustworthy (valid or upgraded from 15
 * digits), else null: what the exact-ID baseline links on, EM is seeded from and the cluster
 * guard compares.
 */
export function validResidentId(record: MatchRecord): string | null {
  const id = record.id_norm ?? null
  const status = record.id_status ?? null
  return id !== null && id.length === 18 && status !== null && validIdStatuses.has(status) ? id : null
}
