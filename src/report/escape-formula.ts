/**
 * Makes a cell safe to open in Excel/WPS: text starting with = + - @, a tab or a carriage
 * return would run as a formula (CSV injection), so it gets a leading apostrophe, which
 * spreadsheets show as text and hide. Numbers-as-text such as "-3" are escaped too: a report
 * cell is for reading, and a visible apostrophe is cheaper than a formula.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
