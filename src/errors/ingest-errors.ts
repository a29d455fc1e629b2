import { BiduiError } from './bidui-error.js'

/** An export file named in the pipeline does not exist. */
export class ExportFileNotFoundError extends BiduiError {
  readonly code = 'INGEST_FILE_NOT_FOUND'
  /** @param source the pipeline source the file belongs to, when known */
  constructor(file: string, source?: string, options?: ErrorOptions) {
    super(
      source === undefined
        ? `Export file not found: ${file}.`
        : `Export file for source ${source} not found: ${file}.`,
      'Check the file path in the pipeline file, and that the export was copied to this machine.',
      { file },
      options,
    )
  }
}

/** The header row of a CSV export cannot be decoded in any supported encoding. */
export class EncodingUndetectedError extends BiduiError {
  readonly code = 'INGEST_ENCODING_UNDETECTED'
  constructor(file: string, tried: readonly string[]) {
    super(
      `Could not decode ${file} as ${tried.join(' or ')}: its header row contains unreadable bytes.`,
      'Save the export as UTF-8 or GBK CSV (an .xls or .xlsx renamed to .csv is not a CSV file), ' +
        'or set `encoding:` for this source in the pipeline file.',
      { file, line: 1 },
    )
  }
}

/** A required column, with the found header most like it (if any looks alike). */
export interface MissingColumn {
  /** The record field the column feeds, e.g. `residentId`. */
  readonly field: string
  /** The header the source profile expects, as written there, e.g. `公民身份号码`. */
  readonly header: string
  /** The found header nearest by edit distance after width folding, if any shares characters. */
  readonly closest?: string
}

/** Shown headers are capped so a 200-column export does not bury the message. */
const maxListedHeaders = 40

/** One or more required columns are absent from an export's header row; all are reported at once. */
export class MissingColumnError extends BiduiError {
  readonly code = 'INGEST_MISSING_COLUMN'
  constructor(
    file: string,
    line: number,
    readonly missing: readonly MissingColumn[],
    readonly found: readonly string[],
  ) {
    const listed = found.slice(0, maxListedHeaders).join(', ')
    const more = found.length > maxListedHeaders ? `, … (${found.length - maxListedHeaders} more)` : ''
    const foundText = `Found: ${found.length === 0 ? '(no headers)' : listed + more}.`
    const [only] = missing
    const message =
      missing.length === 1 && only
        ? `Column "${only.header}" (for field ${only.field}) not found in ${file} line ${line}. ` +
          foundText +
          (only.closest === undefined ? '' : ` Closest: "${only.closest}".`)
        : `${missing.length} required columns not found in ${file} line ${line}: ` +
          missing
            .map(
              (m) =>
                `"${m.header}" (for field ${m.field}` +
                (m.closest === undefined ? ')' : `; closest: "${m.closest}")`),
            )
            .join(', ') +
          `. ${foundText}`
    super(
      message,
      'Rename the column in the export, or change the header for this field in the source profile. ' +
        'Full-width characters and spaces inside headers are ignored when matching.',
      { file, line },
    )
  }
}

/** An export has no header row: it is empty or holds only blank lines. */
export class EmptyFileError extends BiduiError {
  readonly code = 'INGEST_EMPTY_FILE'
  constructor(file: string) {
    super(
      `${file} is empty: no header row was found.`,
      'Re-export the table including its header row, or remove this source from the pipeline file.',
      { file },
    )
  }
}

/** A file given as XLSX is not a readable Office Open XML workbook. */
export class XlsxUnreadableError extends BiduiError {
  readonly code = 'INGEST_XLSX_UNREADABLE'
  constructor(file: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause)
    super(
      `Could not read ${file} as an XLSX workbook: ${why}.`,
      'Open the file in Excel or WPS and save it as "Excel Workbook (*.xlsx)". Old .xls files and ' +
        'password-protected workbooks are not supported; CSV exports work too.',
      { file },
      { cause },
    )
  }
}

/** The worksheet asked for by name or position is not in the workbook. */
export class SheetNotFoundError extends BiduiError {
  readonly code = 'INGEST_SHEET_NOT_FOUND'
  constructor(file: string, sheet: string | number, available: readonly string[]) {
    const wanted = typeof sheet === 'number' ? `number ${sheet}` : `"${sheet}"`
    super(
      `Worksheet ${wanted} not found in ${file}. ` +
        `Sheets: ${available.map((s) => `"${s}"`).join(', ') || '(none)'}.`,
      'Set `sheet:` for this source in the pipeline file to one of the listed names, ' +
        'or to a 1-based position.',
      { file },
    )
  }
}
