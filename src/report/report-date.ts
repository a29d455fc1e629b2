import { periodBounds } from '../reconcile/reconcile-context.js'

/**
 * The date stamped into generated XLSX and PDF files: midnight UTC of the period's last day,
 * not the clock, so that running a month twice gives the same bytes.
 */
export function reportDate(period: string): Date {
  return new Date(`${periodBounds(period).end}T00:00:00Z`)
}
