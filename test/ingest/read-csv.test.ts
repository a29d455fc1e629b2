import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../src/ingest/read-csv.js'
import type { OpenedTable, TableRow } from '../../src/ingest/table-source.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bidui-read-csv-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

/** The rows without their raw text (checked on its own below), so expectations stay readable. */
async function allRows(table: OpenedTable): Promise<TableRow[]> {
  const rows: TableRow[] = []
  for await (const batch of table.batches) {
    for (const row of batch)
      rows.push('cells' in row ? ({ line: row.line, cells: row.cells } as TableRow) : row)
  }
  return rows
}

const header = '公民身份号码,姓名,性别,出生日期'
const body = ['410105199001021234,王小明,男,1990-01-02', '0012345,李　娜,女,19851230']

describe('readCsv', () => {
  it("keeps each row's text exactly as it stands in the file, quotes and inner line breaks included", async () => {
    const lines = [header, '410105199001021234,"王,小明",男,1990-01-02', '"0012345","李\n娜",女,19851230']
    const table = await readCsv(await fixture('raw.csv', `${lines.join('\r\n')}\r\n`))
    const raws: string[] = []
    for await (const batch of table.batches) for (const row of batch) if ('cells' in row) raws.push(row.raw)
    expect(raws).toEqual([lines[1], lines[2]])
  })

  it('reads a UTF-8 export: header, cells as written (leading zeros kept), physical lines', async () => {
    const table = await readCsv(await fixture('plain.csv', `${header}\n${body.join('\n')}\n`))
    expect(table.header).toEqual({
      file: join(dir, 'plain.csv'),
      headers: ['公民身份号码', '姓名', '性别', '出生日期'],
      line: 1,
      encoding: 'utf8',
    })
    expect(await allRows(table)).toEqual([
      { line: 2, cells: ['410105199001021234', '王小明', '男', '1990-01-02'] },
      { line: 3, cells: ['0012345', '李　娜', '女', '19851230'] },
    ])
  })

  it('strips a UTF-8 BOM from the first header', async () => {
    const table = await readCsv(await fixture('bom.csv', `\uFEFF${header}\r\n${body[0]}\r\n`))
    expect(table.header.headers[0]).toBe('公民身份号码')
    expect(table.header.encoding).toBe('utf8')
    expect(await allRows(table)).toEqual([
      { line: 2, cells: ['410105199001021234', '王小明', '男', '1990-01-02'] },
    ])
  })

  it('detects and decodes GBK, and decodes it when forced too', async () => {
    const path = await fixture('gbk.csv', iconv.encode(`${header}\r\n${body.join('\r\n')}\r\n`, 'gbk'))
    for (const encoding of ['auto', 'gbk'] as const) {
      const table = await readCsv(path, { encoding })
      expect(table.header.encoding).toBe('gb18030')
      expect(table.header.headers).toEqual(['公民身份号码', '姓名', '性别', '出生日期'])
      expect(await allRows(table)).toEqual([
        { line: 2, cells: ['410105199001021234', '王小明', '男', '1990-01-02'] },
        { line: 3, cells: ['0012345', '李　娜', '女', '19851230'] },
      ])
    }
  })

  it('reads a tab-separated UTF-16LE export ("Unicode text")', async () => {
    const text = `${header.replaceAll(',', '\t')}\r\n${body[0]?.replaceAll(',', '\t')}\r\n`
    const path = await fixture(
      'utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    )
    const table = await readCsv(path)
    expect(table.header).toMatchObject({
      encoding: 'utf16le',
      headers: ['公民身份号码', '姓名', '性别', '出生日期'],
    })
    expect(await allRows(table)).toEqual([
      { line: 2, cells: ['410105199001021234', '王小明', '男', '1990-01-02'] },
    ])
  })

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('keeps quoted commas and newlines in cells and numbers rows by physical line (%s)', async (_, nl) => {
    const text = [
      'id,address,note',
      '1,"金水区, 文化路",a', // line 2
      `2,"第一行${nl}第二行${nl}第三行",b`, // lines 3-5
      '3,"say ""hi""",c', // line 6
      '', // line 7, blank
      '4,x,"d', // lines 8-9
      `e"`,
      '5,y,f', // line 10, no final newline
    ].join(nl)
    const table = await readCsv(await fixture(`quoted-${nl.length}.csv`, text))
    expect(await allRows(table)).toEqual([
      { line: 2, cells: ['1', '金水区, 文化路', 'a'] },
      { line: 3, cells: ['2', `第一行${nl}第二行${nl}第三行`, 'b'] },
      { line: 6, cells: ['3', 'say "hi"', 'c'] },
      { line: 8, cells: ['4', 'x', `d${nl}e`] },
      { line: 10, cells: ['5', 'y', 'f'] },
    ])
  })

  it('skips blank lines, and rows of empty or blank cells, but counts them', async () => {
    const text = `\n\n${header}\n\n${body[0]}\n,,,\n , ,\u3000,\n${body[1]}\n\n\n`
    const table = await readCsv(await fixture('blank.csv', text))
    expect(table.header.line).toBe(3)
    expect((await allRows(table)).map((r) => r.line)).toEqual([5, 8])
  })

  it('turns a row with the wrong number of cells into a problem row and reads on', async () => {
    const text = `${header}\n${body[0]}\n410105199001021234,王小明,男\n${body[1]}\n1,2,3,4,5\n`
    const rows = await allRows(await readCsv(await fixture('count.csv', text)))
    expect(rows).toEqual([
      { line: 2, cells: ['410105199001021234', '王小明', '男', '1990-01-02'] },
      {
        line: 3,
        problem: {
          code: 'ROW_FIELD_COUNT',
          reason: 'expected 4 cells, found 3',
          raw: '410105199001021234,王小明,男',
        },
      },
      { line: 4, cells: ['0012345', '李　娜', '女', '19851230'] },
      {
        line: 5,
        problem: { code: 'ROW_FIELD_COUNT', reason: 'expected 4 cells, found 5', raw: '1,2,3,4,5' },
      },
    ])
  })

  it('flags a row holding undecodable bytes, naming the column (UTF-8)', async () => {
    const good = Buffer.from(`${header}\n${body[0]}\n`)
    const bad = Buffer.concat([
      Buffer.from('410105199001021234,王'),
      Buffer.from([0xff]),
      Buffer.from('明,男,1990-01-02\n'),
    ])
    const table = await readCsv(
      await fixture('fffd.csv', Buffer.concat([good, bad, Buffer.from(`${body[1]}\n`)])),
    )
    expect(table.header.encoding).toBe('utf8')
    const rows = await allRows(table)
    expect(rows).toHaveLength(3)
    expect(rows[1]).toEqual({
      line: 3,
      problem: {
        code: 'ROW_UNREADABLE_BYTES',
        reason: 'column "姓名" holds bytes that are not valid UTF-8',
        raw: '410105199001021234,王\uFFFD明,男,1990-01-02',
        column: '姓名',
      },
    })
    expect(rows[2]).toEqual({ line: 4, cells: ['0012345', '李　娜', '女', '19851230'] })
  })

  it('flags a row holding undecodable bytes (GBK)', async () => {
    const bytes = Buffer.concat([
      iconv.encode(`${header}\n${body[0]}\n410105199001021234,王小明,`, 'gbk'),
      Buffer.from([0xff]),
      iconv.encode(',1990-01-02\n', 'gbk'),
    ])
    const rows = await allRows(await readCsv(await fixture('fffd-gbk.csv', bytes)))
    expect(rows[1]).toMatchObject({
      line: 3,
      problem: {
        code: 'ROW_UNREADABLE_BYTES',
        column: '性别',
        reason: 'column "性别" holds bytes that are not valid GB18030',
      },
    })
  })

  it('reports broken quoting as ROW_PARSE and reads on', async () => {
    const rows = await allRows(await readCsv(await fixture('quotes.csv', 'a,b,c\n1,"x"y",z\n2,q,r\n')))
    expect(rows).toEqual([
      {
        line: 2,
        problem: {
          code: 'ROW_PARSE',
          reason: 'Trailing quote on quoted field is malformed',
          raw: '1,"x"y",z',
        },
      },
      { line: 3, cells: ['2', 'q', 'r'] },
    ])
  })

  it('rejects the line of a quote left open to the end of the file and reads the lines after it', async () => {
    const rows = await allRows(await readCsv(await fixture('open-quote.csv', 'a,b\n1,"x\n2,y\n')))
    expect(rows).toEqual([
      {
        line: 2,
        problem: {
          code: 'ROW_PARSE',
          reason:
            'the quote opening a cell on line 2 is not closed before the end of the file; line 2 is rejected and reading resumes on line 3',
          raw: '1,"x',
        },
      },
      { line: 3, cells: ['2', 'y'] },
    ])
  })

  describe.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('a quote that never closes in the middle of a large export (%s)', (_, nl) => {
    // 20,000 rows (well over one 64 KiB read) with an unclosed quote on row 5,000, and a
    // second stray quote on row 12,000 that the parser would otherwise take as its close.
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},名${i},花园路${i}号`)
    rows[5_000] = '5000,"名5000,花园路5000号'
    rows[12_000] = '12000,名12000,花园路"12000号'
    const text = `id,name,address${nl}${rows.join(nl)}${nl}`

    it('rejects only the line the quote opened on, naming it, and reads every other row with its own line', async () => {
      const read = await allRows(await readCsv(await fixture(`runaway-${nl.length}.csv`, text)))
      const problems = read.filter((r) => 'problem' in r)
      expect(problems).toEqual([
        {
          line: 5_002,
          problem: {
            code: 'ROW_PARSE',
            reason:
              'the quote opening a cell on line 5002 is not closed within 100 lines; line 5002 is rejected and reading resumes on line 5003',
            raw: '5000,"名5000,花园路5000号',
          },
        },
      ])
      const good = read.filter((r) => 'cells' in r) as { line: number; cells: readonly string[] }[]
      expect(good).toHaveLength(19_999)
      // every row is on line id + 2, and the stray mid-cell quote of row 12,000 stays literal
      expect(good.filter((r) => r.line !== Number(r.cells[0]) + 2 || r.cells.length !== 3)).toEqual([])
      expect(good.find((r) => r.cells[0] === '12000')?.cells[2]).toBe('花园路"12000号')
    })
  })

  it('rejects a quoted row that a later quote closes more than 100 lines on, within one read', async () => {
    // A quoted cell that closes 150 lines later, all within the first 64 KiB read.
    const rows = Array.from({ length: 300 }, (_, i) => `${i},x${i}`)
    rows[10] = '10,"x10'
    rows[160] = '160,x160"'
    const read = await allRows(await readCsv(await fixture('late-close.csv', `id,v\n${rows.join('\n')}\n`)))
    expect(read.filter((r) => 'problem' in r).map((r) => [r.line, 'problem' in r && r.problem.raw])).toEqual([
      [12, '10,"x10'],
      // the closing quote now ends an unquoted cell and is kept as written
    ])
    expect(read.filter((r) => 'cells' in r)).toHaveLength(299)
    expect(read.find((r) => r.line === 162)).toEqual({ line: 162, cells: ['160', 'x160"'] })
  })

  it('keeps rows, cells and physical lines right across read chunks (UTF-8 and GBK)', async () => {
    // Far more than one 64 KiB read, with multi-line cells and 2- and 3-byte characters cut at chunk edges
    const lines = ['序号,姓名,住址']
    const expected: { line: number; cells: string[] }[] = []
    let line = 2
    for (let i = 0; i < 6000; i++) {
      const address = i % 7 === 3 ? `河南省郑州市\n金水区${i}号\n三楼` : `河南省郑州市金水区文化路${i}号`
      lines.push(`${i},张${'伟'.repeat(i % 5)},${address.includes('\n') ? `"${address}"` : address}`)
      expected.push({ line, cells: [String(i), `张${'伟'.repeat(i % 5)}`, address] })
      line += address.split('\n').length
    }
    const text = `${lines.join('\n')}\n`
    for (const [name, bytes] of [
      ['chunks-utf8.csv', Buffer.from(text)],
      ['chunks-gbk.csv', iconv.encode(text, 'gbk')],
    ] as const) {
      const table = await readCsv(await fixture(name, bytes), { batchSize: 500 })
      const rows = await allRows(table)
      expect(rows).toHaveLength(expected.length)
      expect(rows).toEqual(expected)
    }
  })

  it('yields batches of the requested size and reports progress up to the file size', async () => {
    const text = `${header}\n${Array.from({ length: 5 }, () => body[0]).join('\n')}\n`
    const progress: [number, number][] = []
    const table = await readCsv(await fixture('batches.csv', text), {
      batchSize: 2,
      onBytes: (done, total) => progress.push([done, total]),
    })
    const sizes: number[] = []
    for await (const batch of table.batches) sizes.push(batch.length)
    expect(sizes).toEqual([2, 2, 1])
    expect(table.bytes).toBe(Buffer.byteLength(text))
    expect(progress.at(-1)).toEqual([table.bytes, table.bytes])
  })

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\r\n\r\n \r\n'],
    ['a file of blank lines with mixed line ends', '\r\n\n\r\n'],
  ])('rejects %s with INGEST_EMPTY_FILE', async (_, content) => {
    const path = await fixture('empty.csv', content)
    await expect(readCsv(path)).rejects.toMatchObject({ code: 'INGEST_EMPTY_FILE', where: { file: path } })
  })

  it('rejects a missing file with INGEST_FILE_NOT_FOUND', async () => {
    const path = join(dir, 'nope.csv')
    await expect(readCsv(path)).rejects.toMatchObject({
      name: 'ExportFileNotFoundError',
      code: 'INGEST_FILE_NOT_FOUND',
      message: `Export file not found: ${path}.`,
    })
  })

  it('rejects a file whose header does not decode (a binary file named .csv)', async () => {
    const path = await fixture(
      'binary.csv',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0x2c, 0x41, 0x0a, 0x31]),
    )
    await expect(readCsv(path)).rejects.toMatchObject({
      code: 'INGEST_ENCODING_UNDETECTED',
      message: expect.stringContaining('as UTF-8 or GB18030'),
    })
  })
})
