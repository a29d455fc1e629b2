import { closeSync, openSync, writeSync } from 'node:fs'
import { encodeGbk } from './encode-gbk.js'
import type { RecordLog } from './record-log.js'
import type { RowPerson, TableSink } from './table-sink.js'

/** Text encodings of the CSV exports. */
export type CsvEncoding = 'gbk' | 'utf8' | 'utf8-bom'

const chunkChars = 1 << 16

/**
 * Writes a CSV export: header on line 1, one physical line per row (CRLF, as Windows tools
 * write), encoded in 64 KB chunks. Logs each row's
 * records with their line numbers. Synchronous writes keep the output order trivially
 * deterministic.
 */
export class CsvTableWriter implements TableSink {
  rows = 0
  private line = 1
  private parts: string[] = []
  private pending = 0
  private readonly fd: number

  constructor(
    path: string,
    private readonly encoding: CsvEncoding,
    header: readonly string[],
    private readonly log: RecordLog,
    private readonly fileIndex: number,
  ) {
    this.fd = openSync(path, 'w')
    if (encoding === 'utf8-bom') writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]))
    this.push(`${header.join(',')}\r\n`)
  }

  row(cells: readonly (string | Date)[], people: readonly RowPerson[]): number {
    let text = ''
    for (let i = 0; i < cells.length; i++) {
      const c = String(cells[i])
      text += (i ? ',' : '') + (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)
    }
    return this.emit(`${text}\r\n`, people, false)
  }

  malformedRow(text: string, people: readonly RowPerson[]): number {
    return this.emit(`${text.replace(/\n/g, '\r\n')}\r\n`, people, true)
  }

  private emit(text: string, people: readonly RowPerson[], malformed: boolean): number {
    const line = ++this.line
    this.rows++
    for (const [role, person] of people) this.log.add(this.fileIndex, line, role, person, malformed)
    for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) this.line++
    this.push(text)
    return line
  }

  private push(text: string): void {
    this.parts.push(text)
    this.pending += text.length
    if (this.pending >= chunkChars) this.flush()
  }

  private flush(): void {
    if (this.parts.length === 0) return
    const s = this.parts.join('')
    this.parts = []
    this.pending = 0
    writeSync(this.fd, this.encoding === 'gbk' ? encodeGbk(s) : Buffer.from(s, 'utf8'))
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}
