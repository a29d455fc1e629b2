/** A reporting period, YYYY-MM (e.g. '2026-10'). */
export type Month = string & { readonly __brand: 'Month' }

/** The month, or null when the text is not YYYY-MM with a month 01–12. */
export function parseMonth(text: string): Month | null {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? (text as Month) : null
}

/** The month before, e.g. 2026-01 → 2025-12. */
export function previousMonth(m: Month): Month {
  const y = Number(m.slice(0, 4))
  const mo = Number(m.slice(5, 7))
  return (mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`) as Month
}
