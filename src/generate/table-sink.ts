import type { Role } from '../domain/record-kind.js'

/** Who a row's record is: its role in the row and the true person behind it. */
export type RowPerson = readonly [Role, number]

/**
 * Where the pure row builders put rows. The writers (CSV, XLSX) implement it; each call
 * returns the 1-based physical line (XLSX: row number) the row starts on, which is how truth
 * files reference records.
 */
export interface TableSink {
  /** A well-formed row; `cells` in header order. */
  row(cells: readonly (string | Date)[], people: readonly RowPerson[]): number
  /** A deliberately malformed row written verbatim (may contain one line break). */
  malformedRow(text: string, people: readonly RowPerson[]): number
}
