import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTable } from '../../src/ingest/open-table.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bidui-open-table-'))
  await writeFile(join(dir, 'police.csv'), '身份证号,姓名\n410105199001021234,王小明\n')
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Sheet1').addRows([
    ['身份证号', '姓名'],
    ['41010519851230002X', '李娜'],
  ])
  await workbook.xlsx.writeFile(join(dir, 'register.XLSX'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function firstRow(path: string, format?: 'csv' | 'xlsx') {
  const table = await openTable(path, format ? { format } : {})
  const rows = []
  // Read to the end: ExcelJS only deletes its temp copy of a sheet once the workbook is read through
  for await (const batch of table.batches) rows.push(...batch)
  const first = rows[0]
  return {
    encoding: table.header.encoding,
    row: first && 'cells' in first ? { line: first.line, cells: first.cells } : first,
  }
}

describe('openTable', () => {
  it('reads .csv as delimited text and .xlsx (any case) as a workbook', async () => {
    expect(await firstRow(join(dir, 'police.csv'))).toEqual({
      encoding: 'utf8',
      row: { line: 2, cells: ['410105199001021234', '王小明'] },
    })
    expect(await firstRow(join(dir, 'register.XLSX'))).toEqual({
      encoding: 'xlsx',
      row: { line: 2, cells: ['41010519851230002X', '李娜'] },
    })
  })

  it('lets the format option override the extension', async () => {
    await copyFile(join(dir, 'register.XLSX'), join(dir, 'register-export.dat'))
    expect((await firstRow(join(dir, 'register-export.dat'), 'xlsx')).encoding).toBe('xlsx')
  })

  it.each(['gone.csv', 'gone.xlsx'])('reports a missing %s as INGEST_FILE_NOT_FOUND', async (name) => {
    await expect(openTable(join(dir, name))).rejects.toMatchObject({ code: 'INGEST_FILE_NOT_FOUND' })
  })

  it('closes a table that is not read on, twice without harm', async () => {
    const table = await openTable(join(dir, 'police.csv'))
    await table.close()
    await expect(table.close()).resolves.toBeUndefined()
  })
})
