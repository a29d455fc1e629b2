import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

/** Physical lines of a CSV export (decoded; line 1 is the header; CRLF endings removed). */
export function readCsvLines(file: string): string[] {
  const bytes = readFileSync(file)
  const text =
    file.includes('police-') || file.includes('register-persons')
      ? iconv.decode(bytes, 'gbk')
      : bytes.toString('utf8')
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '')
    .split('\r\n')
}

/** Rows of the first sheet of an XLSX export, as cell text (row 1 is the header). */
export async function readXlsxRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const rows: string[][] = []
  wb.worksheets[0]?.eachRow((row, n) => {
    const values = row.values as unknown[]
    rows[n - 1] = values
      .slice(1)
      .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))
  })
  return rows
}

/** A truth CSV (plain, no quoting) as objects keyed by header. */
export function readTruth(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n')
  const keys = (header ?? '').split(',')
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])))
}
