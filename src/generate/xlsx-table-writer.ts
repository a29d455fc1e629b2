import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { RecordLog } from './record-log.js'
import type { RowPerson, TableSink } from './table-sink.js'

/**
 * Writes an XLSX export (one sheet, header in row 1). Rows are small in number (a district's
 * marriages), so the workbook is built in memory. ExcelJS stamps zip entries with the wall
 * clock; `fixZipTimestamps` rewrites them to the period's date so equal seeds give equal bytes.
 */
export class XlsxTableWriter implements TableSink {
  rows = 0
  private readonly data: (string | Date)[][] = []

  constructor(
    private readonly path: string,
    private readonly sheetName: string,
    private readonly header: readonly string[],
    private readonly stamp: Date,
    private readonly log: RecordLog,
    private readonly fileIndex: number,
  ) {}

  row(cells: readonly (string | Date)[], people: readonly RowPerson[]): number {
    this.data.push([...cells])
    this.rows++
    const line = this.data.length + 1
    for (const [role, person] of people) this.log.add(this.fileIndex, line, role, person, false)
    return line
  }

  malformedRow(): number {
    throw new Error('XLSX exports have no malformed rows')
  }

  async close(): Promise<void> {
    const wb = new ExcelJS.Workbook()
    wb.creator = 'bidui generate'
    wb.lastModifiedBy = 'bidui generate'
    wb.created = this.stamp
    wb.modified = this.stamp
    const ws = wb.addWorksheet(this.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.addRow([...this.header]).font = { bold: true }
    for (const r of this.data) ws.addRow(r)
    this.header.forEach((h, i) => {
      const col = ws.getColumn(i + 1)
      col.width = Math.max(10, h.length * 2 + 4)
      if (this.data.some((r) => r[i] instanceof Date)) col.numFmt = 'yyyy-mm-dd'
    })
    const buf = Buffer.from(await wb.xlsx.writeBuffer())
    writeFileSync(this.path, fixZipTimestamps(buf, this.stamp))
  }
}

/**
 * Sets the DOS date/time of every zip entry (local headers and central directory) to `stamp`.
 * Walks the central directory from the end-of-central-directory record, so it never mistakes
 * compressed bytes for a header.
 */
export function fixZipTimestamps(buf: Buffer, stamp: Date): Buffer {
  const dosTime = 0
  const dosDate =
    ((stamp.getUTCFullYear() - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate()
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  const entries = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory')
    buf.writeUInt16LE(dosTime, p + 12)
    buf.writeUInt16LE(dosDate, p + 14)
    const local = buf.readUInt32LE(p + 42)
    buf.writeUInt16LE(dosTime, local + 10)
    buf.writeUInt16LE(dosDate, local + 12)
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return buf
}
