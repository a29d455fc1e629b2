/**
 * A resident ID prepared for comparison: the 18-character norm (src/normalize/resident-id.ts)
 * and whether Excel truncated it, in which case only its first 15 characters are real.
 */
export interface ResidentIdValue {
  readonly id: string
  readonly truncated: boolean
}

// Statuses whose norm is an 18-character ID worth comparing by parts; malformed and missing are not.
const comparableStatuses: ReadonlySet<string> = new Set([
  'valid',
  'upgraded_from_15',
  'bad_check_digit',
  'excel_truncated',
])

/**
 * Builds the comparable form of a resident ID from its stored `id_norm` and `id_status`, or
 * null when there is nothing to compare (no norm, not 18 characters, or a status other than
 * valid / upgraded_from_15 / bad_check_digit / excel_truncated). An ID ending in 000 counts as
 * truncated whatever its status (looksExcelTruncated).
 */
export function toResidentIdValue(norm: string | null, status: string | null): ResidentIdValue | null {
  if (norm === null || status === null || norm.length !== 18 || !comparableStatuses.has(status)) return null
  return { id: norm, truncated: status === 'excel_truncated' || looksExcelTruncated(norm) }
}

/**
 * Whether an 18-character ID ends in 000, as Excel leaves it after keeping 15 significant digits.
 * One truncated ID in 11 still passes the MOD 11-2 check (its check character is then 0) and is
 * stored as valid; a real ID ends in 000 about once in 1,100, so treating these as truncated
 * costs little and keeps them from counting as a different valid ID.
 */
export function looksExcelTruncated(id: string): boolean {
  return id.endsWith('000')
}

/** Equal IDs, neither truncated (two truncated IDs equal only in their 15 real digits). */
export function sameResidentId(a: ResidentIdValue, b: ResidentIdValue): boolean {
  return !a.truncated && !b.truncated && a.id === b.id
}

/**
 * Equal in their legacy 15-digit form (GB 11643-1989): region, two-digit year, month, day and
 * sequence agree; only the century digits (7–8) or the check character may differ. Catches a
 * legacy upgrade done with the wrong century and an ID whose check character was mistyped.
 */
export function sameLegacyResidentId(a: ResidentIdValue, b: ResidentIdValue): boolean {
  if (a.truncated || b.truncated) return false
  for (let i = 0; i < 17; i++) {
    if (i === 6 || i === 7) continue
    if (a.id.charCodeAt(i) !== b.id.charCodeAt(i)) return false
  }
  return true
}

/**
 * Exactly one character differs (or none), neither truncated. MOD 11-2 detects every single
 * substitution, so two valid IDs are never one apart: this level means one side was mistyped.
 */
export function oneSubstitutionApart(a: ResidentIdValue, b: ResidentIdValue): boolean {
  if (a.truncated || b.truncated) return false
  let differences = 0
  for (let i = 0; i < 18; i++) {
    if (a.id.charCodeAt(i) !== b.id.charCodeAt(i) && ++differences > 1) return false
  }
  return true
}

/** Equal, or equal after swapping one pair of adjacent characters; neither truncated. */
export function adjacentTransposition(a: ResidentIdValue, b: ResidentIdValue): boolean {
  if (a.truncated || b.truncated) return false
  let i = 0
  while (i < 18 && a.id.charCodeAt(i) === b.id.charCodeAt(i)) i++
  if (i === 18) return true
  if (i === 17) return false
  if (a.id.charCodeAt(i) !== b.id.charCodeAt(i + 1) || a.id.charCodeAt(i + 1) !== b.id.charCodeAt(i))
    return false
  for (let k = i + 2; k < 18; k++) if (a.id.charCodeAt(k) !== b.id.charCodeAt(k)) return false
  return true
}

/**
 * At least one side is Excel-truncated and the first 15 characters (region, birth date, first
 * sequence digit: all that survives truncation) agree.
 */
export function samePrefixWhenTruncated(a: ResidentIdValue, b: ResidentIdValue): boolean {
  if (!a.truncated && !b.truncated) return false
  for (let i = 0; i < 15; i++) if (a.id.charCodeAt(i) !== b.id.charCodeAt(i)) return false
  return true
}

/**
 * Same birth-date part (characters 7–14) and the same sex (parity of character 17), regions
 * free to differ. Two people born the same day in one county land here too, so this is weak
 * evidence (DOMAIN.md). A truncated side has lost its sex digit: then only the date counts.
 */
export function sameBirthAndSexPart(a: ResidentIdValue, b: ResidentIdValue): boolean {
  for (let i = 6; i < 14; i++) if (a.id.charCodeAt(i) !== b.id.charCodeAt(i)) return false
  if (a.truncated || b.truncated) return true
  return (a.id.charCodeAt(16) & 1) === (b.id.charCodeAt(16) & 1)
}

/**
 * Same birth-date part and sequence number (characters 7–17) while the region differs: the
 * same person whose number was re-issued under a re-coded county, or whose region was mistyped
 * in more than one digit. Unlike sameBirthAndSexPart this does not hold for two people born the
 * same day in one county (their sequence numbers differ), so it is evidence about identity
 * rather than a repeat of the birth-date comparison. A truncated side keeps only the first
 * sequence digit, so then characters 7–15 are compared.
 */
export function sameBirthAndSequencePart(a: ResidentIdValue, b: ResidentIdValue): boolean {
  const end = a.truncated || b.truncated ? 15 : 17
  for (let i = 6; i < end; i++) if (a.id.charCodeAt(i) !== b.id.charCodeAt(i)) return false
  return true
}
