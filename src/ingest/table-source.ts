/**
 * The shape every export reader (CSV, XLSX) produces: a header read up front, then rows in
 * batches, each row carrying the physical line it came from so rejects can point at it.
 */
import type { TextEncodingName } from './detect-encoding.js'

/** How a CSV export's bytes are decoded: sniffed (`auto`), or forced. `gbk` decodes as GB18030. */
export type TableEncoding = 'auto' | 'utf8' | 'gbk'

/** The file formats openTable reads. */
export type TableFormat = 'csv' | 'xlsx'

/** The header row of an export. */
export interface TableHeader {
  /** The path as given to openTable. */
  readonly file: string
  /** Header cells as written (BOM removed, otherwise untouched); header-map folds them. */
  readonly headers: readonly string[]
  /** 1-based physical line (xlsx: row number) of the header: the first non-empty row. */
  readonly line: number
  /** What the bytes were decoded as; `xlsx` for workbooks. */
  readonly encoding: TextEncodingName | 'xlsx'
}

/** Why a row could not be read; becomes a Reject with the same code. */
export interface RowProblem {
  readonly code: 'ROW_FIELD_COUNT' | 'ROW_UNREADABLE_BYTES' | 'ROW_PARSE'
  /** One English sentence, e.g. `expected 10 cells, found 9`. */
  readonly reason: string
  /** The row's text as it stands in the file (xlsx: the cells re-joined as CSV). */
  readonly raw: string
  /** The header of the offending column, when one column is to blame. */
  readonly column?: string
}

/** A data row that was read. `cells` has exactly one entry per header, in header order. */
export interface TableCells {
  /** 1-based physical line where the row starts (xlsx: row number). */
  readonly line: number
  readonly cells: readonly string[]
  /** The row's text as it stands in the file, without its line break (xlsx: the cells joined as CSV). */
  readonly raw: string
}

/** A data row that could not be read. */
export interface TableProblem {
  /** 1-based physical line where the row starts (xlsx: row number). */
  readonly line: number
  readonly problem: RowProblem
}

/** One data row: its cells, or the problem that kept it from being read. Tell apart with `'cells' in row`. */
export type TableRow = TableCells | TableProblem

/** An export opened for reading: header known, rows streamed. */
export interface OpenedTable {
  readonly header: TableHeader
  /**
   * The data rows (header excluded, empty rows skipped) in file order, in batches. Iterate it
   * once; finishing or breaking out of the loop closes the file.
   */
  readonly batches: AsyncIterable<readonly TableRow[]>
  /** Size of the file in bytes. */
  readonly bytes: number
  /** Closes the file without reading on, e.g. when the header does not map. Safe to call twice. */
  close(): Promise<void>
}

/** Options for openTable; every field has a default. */
export interface OpenTableOptions {
  /** Defaults to the file extension: `.xlsx`/`.xlsm` are workbooks, anything else CSV. */
  readonly format?: TableFormat
  /** CSV only. Defaults to `auto`. */
  readonly encoding?: TableEncoding
  /** XLSX only: a worksheet name, or its 1-based position. Defaults to the first worksheet. */
  readonly sheet?: string | number
  /** Rows per batch. Defaults to 2,000. */
  readonly batchSize?: number
  /** Called as the file is read, with bytes read so far and the file size. */
  readonly onBytes?: (done: number, total: number) => void
  /**
   * CSV only: read just the rows in bytes [start, end) of the file (see plan-split.ts); the
   * header still comes from the top of the file. Rows keep their physical line numbers.
   */
  readonly range?: ByteRange
}

/**
 * A slice of a CSV file that starts at a row boundary: `start` is 0 or the byte after a line
 * break, `line` the physical line number there.
 */
export interface ByteRange {
  readonly start: number
  readonly end: number
  readonly line: number
}

/** Rows per batch when openTable's caller does not say. */
export const defaultBatchSize = 2000
