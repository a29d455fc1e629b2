/**
 * Last month's case counts, for the month-over-month columns. Supplied by case tracking (the
 * store knows last month's cases) or read from last month's summary.json. Community key: the
 * community code, '' for 未能定位.
 */
export interface PreviousCounts {
  readonly period: string
  /** By check id. `byCommunity` is absent when only the check's total is known. */
  readonly checks: Readonly<
    Record<string, { readonly total: number; readonly byCommunity?: Readonly<Record<string, number>> }>
  >
}
