import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import {
  EmptyFileError,
  ExportFileNotFoundError,
  SheetNotFoundError,
  XlsxUnreadableError,
} from '../errors/ingest-errors.js'
import { defaultBatchSize, type OpenedTable, type OpenTableOptions, type TableRow } from './table-source.js'

/**
 * Opens the first (or the chosen) worksheet of an XLSX export with ExcelJS's streaming reader and
 * returns its header (the first non-empty row) and data rows in batches; `line` is the Excel row
 * number. Cells become text as Excel stored them: numbers in plain digits (an 18-digit ID typed
 * as a number arrives as Excel kept it, 15 significant digits then zeros, never `4.1E+17`), dates
 * as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, rich text joined, formulas as their cached result.
 * Rows are padded to the header's width so cells keep their column; a row with values beyond
 * the last header is a ROW_FIELD_COUNT problem.
 *
 * @param options.sheet a worksheet name, or its 1-based position in the workbook
 * @throws ExportFileNotFoundError, XlsxUnreadableError, SheetNotFoundError, EmptyFileError
 */
export async function readXlsx(
  file: string,
  options: Pick<OpenTableOptions, 'sheet' | 'batchSize' | 'onBytes'> = {},
): Promise<OpenedTable> {
  const total = await fileSize(file)
  const batchSize = options.batchSize ?? defaultBatchSize
  // Loaded on first use: exceljs adds half a second to start-up, and most runs read only CSV.
  // It must be loaded before the stream exists: a 'data' listener starts the flow, and chunks
  // that arrive before ExcelJS pipes the stream would be lost.
  const { default: Excel } = await import('exceljs')
  const stream = createReadStream(file, { highWaterMark: 1 << 20 })
  let done = 0
  // Counting on 'data' is safe: ExcelJS pipes the stream synchronously on the first sheets.next(),
  // before any chunk arrives, and pipe() still applies backpressure
  stream.on('data', (chunk) => {
    done += chunk.length
    options.onBytes?.(done, total)
  })
  const close = async () => {
    stream.destroy()
  }
  const reader = new Excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })

  const sheets = reader[Symbol.asyncIterator]()
  let rows: AsyncIterator<ExcelJS.Row>
  let headers: string[] | undefined
  let headerLine = 0
  try {
    const sheet = await findSheet(file, sheets, options.sheet ?? 1)
    rows = sheet[Symbol.asyncIterator]()
    for (;;) {
      const next = await rows.next()
      if (next.done) {
        await skipRest(sheets)
        break
      }
      const cells = rowCells(next.value)
      const last = lastFilled(cells)
      if (last === -1) continue
      headers = cells.slice(0, last + 1)
      headerLine = next.value.number
      break
    }
  } catch (error) {
    await close()
    throw error instanceof SheetNotFoundError || error instanceof XlsxUnreadableError
      ? error
      : new XlsxUnreadableError(file, error)
  }
  if (!headers) {
    await close()
    throw new EmptyFileError(file)
  }
  const width = headers.length

  async function* batches(): AsyncGenerator<readonly TableRow[]> {
    let batch: TableRow[] = []
    try {
      for (;;) {
        let next: IteratorResult<ExcelJS.Row>
        try {
          next = await rows.next()
          if (next.done) await skipRest(sheets)
        } catch (error) {
          throw new XlsxUnreadableError(file, error)
        }
        if (next.done) break
        const row = toTableRow(next.value, width)
        if (!row) continue
        batch.push(row)
        if (batch.length >= batchSize) {
          yield batch
          batch = []
        }
      }
      if (batch.length > 0) yield batch
    } finally {
      await close()
    }
  }

  return {
    header: { file, headers, line: headerLine, encoding: 'xlsx' },
    batches: batches(),
    bytes: total,
    close,
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ExportFileNotFoundError(file, undefined, { cause: error })
    throw error
  }
}

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader
type Sheets = AsyncIterator<WorksheetReader>

/**
 * The worksheet by name or 1-based position, in the order the workbook stores them. The sheets
 * iterator is stepped by hand, not with for-await: leaving that loop early would end the
 * workbook stream the chosen sheet still reads from.
 */
async function findSheet(file: string, sheets: Sheets, wanted: string | number): Promise<WorksheetReader> {
  const seen: string[] = []
  for (;;) {
    const next = await sheets.next()
    if (next.done) break
    // ExcelJS sets `name` from workbook.xml, which its typings leave out
    const name = (next.value as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`
    seen.push(name)
    if (typeof wanted === 'number' ? seen.length === wanted : name === wanted) return next.value
    await next.value.read()
  }
  // A zip (or any file) without worksheets is not a workbook
  if (seen.length === 0) throw new XlsxUnreadableError(file, new Error('it contains no worksheets'))
  throw new SheetNotFoundError(file, wanted, seen)
}

/**
 * Reads the workbook to its end. When sheets come before the shared strings in the zip (as Excel
 * writes them) ExcelJS parks each sheet in a temp file, deleted only once the workbook iterator
 * moves past it; and a sheet skipped unread races that deletion (ENOENT on a stream nobody
 * listens to). So every sheet is read through, even unwanted ones.
 */
async function skipRest(sheets: Sheets): Promise<void> {
  for (;;) {
    const next = await sheets.next()
    if (next.done) return
    await next.value.read()
  }
}

function toTableRow(row: ExcelJS.Row, width: number): TableRow | undefined {
  const cells = rowCells(row)
  const last = lastFilled(cells)
  if (last === -1) return undefined
  if (last >= width) {
    const problem = {
      code: 'ROW_FIELD_COUNT' as const,
      reason: `expected ${width} cells, found ${last + 1}`,
      raw: Papa.unparse([cells.slice(0, last + 1)]),
    }
    return { line: row.number, problem }
  }
  while (cells.length < width) cells.push('')
  cells.length = width
  return { line: row.number, cells, raw: Papa.unparse([cells]) }
}

/** Cell texts by column position (index 0 = column A); gaps are empty strings. */
function rowCells(row: ExcelJS.Row): string[] {
  // row.values is 1-based and sparse: index 0 is always empty
  const values = row.values as readonly ExcelJS.CellValue[]
  const cells: string[] = []
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
  return cells
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i
  return -1
}

/** A cell value as text, faithful to what Excel stored. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return plainNumber(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('error' in value) return value.error
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue)
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue)
  return ''
}

/**
 * Digits without exponent notation: 410105199001021000, not 4.10105199001021e+17, and 0.0000015,
 * not 1.5e-6. Uses the shortest round-trip digits, so no binary noise is invented.
 */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return ''
  const s = String(n)
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  if (!m) return s
  const [, sign, lead, frac = '', exp] = m
  const digits = `${lead}${frac}`
  const point = 1 + Number(exp)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** ExcelJS builds dates from the serial number as UTC, so the UTC parts are the stored ones. */
function dateText(d: Date): string {
  // serials carry float noise (14:23:00 can come back as 14:22:59.999), so round to the second
  const t = new Date(Math.round(d.getTime() / 1000) * 1000)
  if (Number.isNaN(t.getTime())) return ''
  const pad = (v: number) => String(v).padStart(2, '0')
  const day = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
  if (t.getUTCHours() === 0 && t.getUTCMinutes() === 0 && t.getUTCSeconds() === 0) return day
  return `${day} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
}
