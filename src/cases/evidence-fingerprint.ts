import { createHash } from 'node:crypto'
import type { Case } from '../reconcile/case.js'
import type { ReconcileRecord } from '../reconcile/reconcile-input.js'

/** Where a pair's probability falls against the pipeline's thresholds. */
export type ProbabilityBand = 'accept' | 'review' | 'below' | 'none'

export function probabilityBand(
  p: number | null,
  thresholds: { readonly accept: number; readonly review: number },
): ProbabilityBand {
  if (p === null) return 'none'
  if (p >= thresholds.accept) return 'accept'
  if (p >= thresholds.review) return 'review'
  return 'below'
}

/**
 * A hash of the evidence a case was raised on, so "its evidence changed" is decidable next
 * month: a false positive is excluded only while this stays the same.
 *
 * It covers the check, whether the case rests on a doubtful pair, the band of the deciding
 * pair's probability (not the probability: retraining moves it a little every month), every
 * record of the case by part and natural key with the normalized values checks compare
 * (ID and its status, name and former name, sex, birth date and its status, marital status,
 * record status and its reason, event type and date), each field difference with the value
 * believed and its source, and each record-level problem. It leaves out what moves without the
 * evidence changing: file names and lines (the period is in the name), record indexes,
 * communities and addresses (an officer moving a record does not make a false positive true),
 * and the reason text (derived from the rest).
 *
 * Pure; 16 hex digits of SHA-256 over a canonical JSON text.
 */
export function evidenceFingerprint(
  c: Case,
  records: readonly ReconcileRecord[],
  thresholds: { readonly accept: number; readonly review: number },
): string {
  const recs = c.records
    .map((cr) => {
      const r = records[cr.index]
      if (r === undefined) throw new RangeError(`case ${c.key}: record ${cr.index} is not in the input`)
      return [
        cr.part,
        cr.fingerprint,
        r.residentId.norm,
        r.residentId.status,
        r.name,
        r.formerName,
        r.sex,
        r.birthDate,
        r.birthDateStatus,
        r.maritalStatus,
        r.status,
        r.statusReason,
        r.eventType,
        r.eventDate,
      ]
    })
    .map((t) => JSON.stringify(t))
    .sort()
  const differences = c.differences
    .map((d) => JSON.stringify([d.field, d.recorded, d.believed, d.believedSource]))
    .sort()
  const problems = [...c.problems].sort()
  const canonical = JSON.stringify([
    c.checkId,
    c.review,
    probabilityBand(c.probability, thresholds),
    recs,
    differences,
    problems,
  ])
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}
