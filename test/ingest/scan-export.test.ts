import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../src/ingest/read-csv.js'
import { scanExport } from '../../src/ingest/scan-export.js'
import { SplitBoundaryInQuoteError } from '../../src/ingest/split-boundary-in-quote-error.js'
import type { ByteRange, TableRow } from '../../src/ingest/table-source.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bidui-scan-export-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function rowsOf(file: string, range?: ByteRange): Promise<TableRow[]> {
  const table = await readCsv(file, range ? { range, batchSize: 7 } : { batchSize: 7 })
  const rows: TableRow[] = []
  for await (const batch of table.batches) rows.push(...batch)
  return rows
}

/**
 * A GBK person export with what makes line numbers hard: blank lines, quoted cells (holding a
 * line break when `quotedBreaks`), a short row, bytes that do not decode, and a last line
 * without a break.
 */
function messyExport(rows: number, newline: '\n' | '\r\n', quotedBreaks = false): Uint8Array {
  const lines = ['公民身份号码,姓名,住址', '']
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 5) lines.push('')
    if (i % 131 === 7)
      lines.push(
        `4101051990010${String(i).padStart(5, '0')},"王${i}","花园路${i}号${quotedBreaks ? newline : ','}2栋"`,
      )
    else if (i % 151 === 9) lines.push(`4101051990010${String(i).padStart(5, '0')},李${i}`)
    else lines.push(`4101051990010${String(i).padStart(5, '0')},张${i},文化路${i}号`)
  }
  const text = iconv.encode(lines.join(newline), 'gbk')
  // one byte pair that is not GBK, in the middle of the file
  const at = text.indexOf(iconv.encode('张500,', 'gbk'))
  text[at] = 0xff
  text[at + 1] = 0xff
  return text
}

describe('scanExport', () => {
  it('hashes the whole file', async () => {
    const content = messyExport(50, '\n')
    const file = await fixture('hash.csv', content)
    const { sha256 } = await scanExport(file, { rangeBytes: 100, minFileBytes: 0 })
    expect(sha256).toBe(
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    )
  })

  it('cuts a file into consecutive ranges that start right after a line break, with the line number there', async () => {
    for (const newline of ['\n', '\r\n'] as const) {
      const content = messyExport(400, newline)
      const file = await fixture(`cut${newline.length}.csv`, content)
      const { ranges } = await scanExport(file, { rangeBytes: 500, minFileBytes: 0 })
      expect(ranges).not.toBeNull()
      expect(ranges!.length).toBeGreaterThan(10)
      expect(ranges![0]!.start).toBe(0)
      expect(ranges!.at(-1)!.end).toBe(content.length)
      for (const [i, r] of ranges!.entries()) {
        if (i > 0) {
          expect(r.start).toBe(ranges![i - 1]!.end)
          expect(content[r.start - 1]).toBe(0x0a)
          if (newline === '\r\n') expect(content[r.start - 2]).toBe(0x0d)
        }
        // physical line = 1 + line feeds before the range
        expect(r.line).toBe(1 + content.subarray(0, r.start).filter((b) => b === 0x0a).length)
      }
    }
  })

  it('does not split small files, UTF-16 files, files broken by lone CRs, or when not asked', async () => {
    const small = await fixture('small.csv', messyExport(50, '\n'))
    expect((await scanExport(small, { rangeBytes: 100, minFileBytes: 1 << 20 })).ranges).toBeNull()
    expect((await scanExport(small)).ranges).toBeNull()
    const utf16 = await fixture(
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n'.repeat(50), 'utf16le')]),
    )
    expect((await scanExport(utf16, { rangeBytes: 10, minFileBytes: 0 })).ranges).toBeNull()
    const cr = await fixture('cr.csv', 'a,b\r1,2\r'.repeat(50))
    expect((await scanExport(cr, { rangeBytes: 10, minFileBytes: 0 })).ranges).toBeNull()
  })
})

describe('readCsv over byte ranges', () => {
  it('reads the same rows, raw text and physical lines range by range as in one pass', async () => {
    for (const newline of ['\n', '\r\n'] as const) {
      const file = await fixture(`same${newline.length}.csv`, messyExport(600, newline))
      const whole = await rowsOf(file)
      const { ranges } = await scanExport(file, { rangeBytes: 300, minFileBytes: 0 })
      const pieces: TableRow[] = []
      for (const range of ranges!) pieces.push(...(await rowsOf(file, range)))
      expect(pieces).toEqual(whole)
      // the export's oddities are all there, so the comparison covers them
      expect(whole.filter((r) => 'problem' in r).map((r) => 'problem' in r && r.problem.code)).toEqual(
        expect.arrayContaining(['ROW_FIELD_COUNT', 'ROW_UNREADABLE_BYTES']),
      )
      expect(whole.at(-1)!.line).toBeGreaterThan(600)
    }
  })

  it('either reads a file with quoted line breaks range by range as in one pass, or says a range ended in a quote', async () => {
    const file = await fixture('quoted-breaks.csv', messyExport(600, '\r\n', true))
    const whole = await rowsOf(file)
    const { ranges } = await scanExport(file, { rangeBytes: 300, minFileBytes: 0 })
    const pieces: TableRow[] = []
    let refused: unknown
    try {
      for (const range of ranges!) pieces.push(...(await rowsOf(file, range)))
    } catch (e) {
      refused = e
    }
    if (refused === undefined) expect(pieces).toEqual(whole)
    else {
      // the ranges read before the refusal are exactly the start of the one-pass rows, and the
      // refused row is one whose quoted cell holds a line break
      expect(refused).toBeInstanceOf(SplitBoundaryInQuoteError)
      expect(whole.slice(0, pieces.length)).toEqual(pieces)
      const spanning = whole.findIndex((r) => r.line === (refused as SplitBoundaryInQuoteError).line)
      expect(spanning).toBeGreaterThanOrEqual(pieces.length)
      expect('raw' in whole[spanning]! && whole[spanning].raw).toMatch(/花园路\d+号\r\n2栋/)
    }
  })

  it('refuses a range that ends inside a quoted cell instead of cutting the row in two', async () => {
    const lines = ['公民身份号码,姓名,住址', '1,王,"花园路', '', '', '2栋"', '2,李,文化路']
    const file = await fixture('open-quote.csv', lines.join('\n'))
    const text = lines.join('\n')
    // the boundary after "花园路\n" is a line break, but inside the quoted address
    const cut = Buffer.byteLength(text.slice(0, text.indexOf('花园路') + 4))
    const first = rowsOf(file, { start: 0, end: cut, line: 1 })
    await expect(first).rejects.toBeInstanceOf(SplitBoundaryInQuoteError)
    await expect(first).rejects.toMatchObject({ line: 2 })
  })
})
