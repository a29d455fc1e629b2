import { extname } from 'node:path'
import { readCsv } from './read-csv.js'
import { readXlsx } from './read-xlsx.js'
import type { OpenedTable, OpenTableOptions, TableFormat } from './table-source.js'

/**
 * Opens an agency export, CSV or XLSX, for streaming: the header now, the rows in batches.
 * The format comes from `options.format`, else from the extension (`.xlsx`/`.xlsm` are
 * workbooks; `.csv`, `.txt` and anything else are read as delimited text).
 *
 * @example
 * const table = await openTable('police-2024-05.csv', { encoding: 'auto' })
 * for await (const batch of table.batches) for (const row of batch) if ('cells' in row) use(row)
 * @throws ExportFileNotFoundError, EmptyFileError, EncodingUndetectedError, XlsxUnreadableError,
 *   SheetNotFoundError
 */
export function openTable(path: string, options: OpenTableOptions = {}): Promise<OpenedTable> {
  return tableFormatOf(path, options.format) === 'xlsx' ? readXlsx(path, options) : readCsv(path, options)
}

/** The format openTable reads a file as: the one given, else the one its extension says. */
export function tableFormatOf(path: string, format?: TableFormat | null): TableFormat {
  return format ?? (/^\.xls[xm]$/i.test(extname(path)) ? 'xlsx' : 'csv')
}
