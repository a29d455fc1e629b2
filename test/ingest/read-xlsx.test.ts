import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readXlsx } from '../../src/ingest/read-xlsx.js'
import type { OpenedTable, TableRow } from '../../src/ingest/table-source.js'

let dir: string
let registerXlsx: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bidui-read-xlsx-'))
  registerXlsx = join(dir, 'register.xlsx')
  await writeRegister(registerXlsx)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The rows without their raw text (checked on its own below), so expectations stay readable. */
async function allRows(table: OpenedTable): Promise<TableRow[]> {
  const rows: TableRow[] = []
  for await (const batch of table.batches) {
    for (const row of batch)
      rows.push('cells' in row ? ({ line: row.line, cells: row.cells } as TableRow) : row)
  }
  return rows
}

/** A notes sheet first, then the data sheet the way an office would fill it in by hand. */
async function writeRegister(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('说明').addRow(['本表由社区填报'])
  const sheet = workbook.addWorksheet('户籍')
  // Row 1 left empty on purpose: a title row someone deleted
  sheet.getRow(2).values = ['公民身份号码', '姓名', '出生日期', '登记时间', '人数', '备注']
  sheet.getRow(3).values = [
    410105199001021000, // an ID typed as a number: Excel keeps 15 significant digits
    { richText: [{ text: '王' }, { font: { bold: true }, text: '小明' }] },
    new Date(Date.UTC(1990, 0, 2)),
    new Date(Date.UTC(2024, 2, 5, 14, 23, 0)),
    3,
    '0012',
  ]
  sheet.getCell('C3').numFmt = 'yyyy-mm-dd'
  sheet.getCell('D3').numFmt = 'yyyy-mm-dd hh:mm:ss'
  // Gaps in the middle of a row; a formula; small and huge numbers
  sheet.getCell('A4').value = '41010519851230002X'
  sheet.getCell('C4').value = { formula: 'TEXT(DATE(1985,12,30),"yyyy-mm-dd")', result: '1985-12-30' }
  sheet.getCell('E4').value = 0.0000015
  sheet.getCell('A6').value = 1.2345e25
  sheet.getCell('B6').value = 3.25
  sheet.getCell('F6').value = true
  // Row 7 has a value beyond the last header
  sheet.getCell('A7').value = 'x'
  sheet.getCell('H7').value = '多出的一列'
  await workbook.xlsx.writeFile(path)
}

describe('readXlsx', () => {
  it('takes the first non-empty row of the chosen sheet as header', async () => {
    const table = await readXlsx(registerXlsx, { sheet: '户籍' })
    expect(table.header).toEqual({
      file: registerXlsx,
      headers: ['公民身份号码', '姓名', '出生日期', '登记时间', '人数', '备注'],
      line: 2,
      encoding: 'xlsx',
    })
    expect(await allRows(table)).toHaveLength(4)
  })

  it('turns cells into faithful text keeping column positions, and numbers rows as Excel does', async () => {
    const rows = await allRows(await readXlsx(registerXlsx, { sheet: 2 }))
    expect(rows).toEqual([
      { line: 3, cells: ['410105199001021000', '王小明', '1990-01-02', '2024-03-05 14:23:00', '3', '0012'] },
      { line: 4, cells: ['41010519851230002X', '', '1985-12-30', '', '0.0000015', ''] },
      { line: 6, cells: ['12345000000000000000000000', '3.25', '', '', '', 'TRUE'] },
      {
        line: 7,
        problem: { code: 'ROW_FIELD_COUNT', reason: 'expected 6 cells, found 8', raw: 'x,,,,,,,多出的一列' },
      },
    ])
  })

  it('reads the first worksheet by default', async () => {
    const table = await readXlsx(registerXlsx)
    expect(table.header.headers).toEqual(['本表由社区填报'])
    expect(await allRows(table)).toEqual([])
  })

  it('batches rows and reports progress up to the file size', async () => {
    const path = join(dir, 'many.xlsx')
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('data')
    sheet.addRow(['序号', '姓名'])
    for (let i = 1; i <= 25; i++) sheet.addRow([i, `张${i}`])
    await workbook.xlsx.writeFile(path)
    let last: [number, number] | undefined
    const table = await readXlsx(path, { batchSize: 10, onBytes: (done, total) => (last = [done, total]) })
    const sizes: number[] = []
    let lastRow: TableRow | undefined
    for await (const batch of table.batches) {
      sizes.push(batch.length)
      lastRow = batch.at(-1)
    }
    expect(sizes).toEqual([10, 10, 5])
    expect(lastRow).toEqual({ line: 26, cells: ['25', '张25'], raw: '25,张25' })
    expect(last).toEqual([table.bytes, table.bytes])
  })

  it('names the sheets when the one asked for is missing', async () => {
    await expect(readXlsx(registerXlsx, { sheet: '人口' })).rejects.toMatchObject({
      code: 'INGEST_SHEET_NOT_FOUND',
      message: `Worksheet "人口" not found in ${registerXlsx}. Sheets: "说明", "户籍".`,
    })
  })

  it('rejects a file that is not a workbook with INGEST_XLSX_UNREADABLE', async () => {
    const path = join(dir, 'fake.xlsx')
    await writeFile(path, '公民身份号码,姓名\n410105199001021234,王小明\n')
    await expect(readXlsx(path)).rejects.toMatchObject({
      name: 'XlsxUnreadableError',
      code: 'INGEST_XLSX_UNREADABLE',
    })
  })

  it('rejects a truncated workbook with INGEST_XLSX_UNREADABLE', async () => {
    const bytes = await readFile(registerXlsx)
    const path = join(dir, 'truncated.xlsx')
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const read = async () => allRows(await readXlsx(path, { sheet: '户籍' }))
    // ExcelJS leaves its temp copies of the sheets behind when the zip breaks: keep them in our dir
    const tmp = process.env.TMPDIR
    process.env.TMPDIR = dir
    try {
      await expect(read()).rejects.toMatchObject({ code: 'INGEST_XLSX_UNREADABLE' })
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmp
    }
  })

  it('rejects a workbook with an empty sheet with INGEST_EMPTY_FILE', async () => {
    const path = join(dir, 'empty.xlsx')
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('空')
    await workbook.xlsx.writeFile(path)
    await expect(readXlsx(path)).rejects.toMatchObject({ code: 'INGEST_EMPTY_FILE' })
  })

  it('rejects a missing file with INGEST_FILE_NOT_FOUND', async () => {
    await expect(readXlsx(join(dir, 'nope.xlsx'))).rejects.toMatchObject({ code: 'INGEST_FILE_NOT_FOUND' })
  })
})
