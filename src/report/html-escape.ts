import { escapeFormula } from './escape-formula.js'

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for HTML element content or a quoted attribute: markup characters become entities. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c] as string)
}

/**
 * A data value (a name, a reason) for a report page: formula-escaped like the spreadsheets (a
 * table copied from the page into Excel stays inert), then markup-escaped (a name such as
 * <script> is shown, never run).
 */
export function htmlCell(value: string): string {
  return escapeHtml(escapeFormula(value))
}
