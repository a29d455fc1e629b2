import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryStore } from '../support/query-store.js'
import { runCli } from '../support/run-cli.js'

// Each test spawns the CLI on the demo month: seconds each, more on a loaded machine.
const pipeline = path.resolve('pipelines/demo.yaml')
let dir: string

function bidui(...args: string[]) {
  return runCli(dir, ...args)
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  return queryStore<T>(path.join(dir, 'x.db'), sql, ...params)
}

/** Reads an exported CSV: checks the BOM, returns the header and rows. */
function readExport(file: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path.join(dir, file), 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  const [header, ...rows] = parsed.data
  return { header: header ?? [], rows }
}

let files: Map<string, { source: string; encoding: string; file: string }>
let records: Map<number, { path: string; raw: string; line: number; role: string }>
/** Reads the month's export files (with their encodings) and records from the store once. */
function loadStore(): void {
  const rows = query<{ source: string; path: string; encoding: string }>(
    'select source, path, encoding from source_file',
  )
  // Ingest keeps a file's path as the pipeline names it: relative to the pipeline's folder.
  files = new Map(rows.map((f) => [f.path, { ...f, file: path.resolve(path.dirname(pipeline), f.path) }]))
  const stored = query<{ id: number; path: string; raw: string; line: number; role: string }>(
    'select r.id, f.path, r.raw, r.line, r.role from record r join source_file f on f.id = r.file_id',
  )
  records = new Map(stored.map((r) => [r.id, r]))
}

const lineCache = new Map<string, string[]>()
/** Physical line `line` (1-based) of a CSV export, decoded as ingest decoded it. */
function physicalLine(file: string, encoding: string, line: number): string | undefined {
  let lines = lineCache.get(file)
  if (lines === undefined) {
    const text = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding).decode(readFileSync(file))
    lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    lineCache.set(file, lines)
  }
  return lines[line - 1]
}

const sheetCache = new Map<string, ExcelJS.Worksheet>()
async function xlsxRow(file: string, line: number): Promise<string[]> {
  let sheet = sheetCache.get(file)
  if (sheet === undefined) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    sheet = book.worksheets[0] as ExcelJS.Worksheet
    sheetCache.set(file, sheet)
  }
  const values = sheet.getRow(line).values as unknown[]
  return values.slice(1).map((v) => String(v ?? ''))
}

/**
 * Checks that an exported record (file, line, role, natural key, record id) points at a real row
 * of the right file: the store holds that record there, and the file's line is the row stored
 * (CSV: the physical line's text; XLSX: the row's cells, one of them the natural key's number).
 */
async function expectRealRow(cells: {
  source: string
  file: string
  line: string
  role: string
  naturalKey: string
  recordId: string
}): Promise<void> {
  const f = files.get(cells.file)
  expect(f, cells.file).toBeDefined()
  if (f === undefined) return
  expect(f.source).toBe(cells.source)
  const record = records.get(Number(cells.recordId))
  expect(record).toMatchObject({ path: cells.file, line: Number(cells.line), role: cells.role })
  if (f.encoding === 'xlsx') {
    const row = await xlsxRow(f.file, Number(cells.line))
    const number = cells.naturalKey.replace(/^(recordNo|documentNo):/, '').replace(/#\d+$/, '')
    if (!cells.naturalKey.startsWith('row:')) expect(row).toContain(number)
  } else {
    expect(physicalLine(f.file, f.encoding, Number(cells.line))).toBe(record?.raw)
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-export-'))
  for (const args of [
    ['ingest', pipeline, '--period', '2026-10', '--db', 'x.db', '--json'],
    ['link', pipeline, '--period', '2026-10', '--db', 'x.db', '--json'],
  ]) {
    const r = bidui(...args)
    expect(r.code, r.stderr).toBe(0)
  }
  loadStore()
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui export persons', () => {
  it('writes every linked record with its person ID, and each line is a real row of its file', async () => {
    const r = bidui(
      'export',
      'persons',
      pipeline,
      '--period',
      '2026-10',
      '--db',
      'x.db',
      '--out',
      'out/persons.csv',
    )
    expect(r.stderr).toBe('')
    expect(r.code, r.stderr).toBe(0)
    const { header, rows } = readExport('out/persons.csv')
    expect(header).toEqual([
      '人员编号 person_id',
      '来源 source',
      '文件 file',
      '行 line',
      '角色 role',
      '自然键 natural_key',
      '记录号 record_id',
    ])
    const stored = query<{ record_id: number; person_id: number }>(
      'select record_id, person_id from record_person',
    )
    expect(rows.length).toBe(stored.length)
    const personOf = new Map(stored.map((s) => [s.record_id, s.person_id]))
    for (const [person, source, file, line, role, naturalKey, recordId] of rows as string[][]) {
      expect(person).toBe(`P${String(personOf.get(Number(recordId))).padStart(8, '0')}`)
      await expectRealRow({
        source: source as string,
        file: file as string,
        line: line as string,
        role: role as string,
        naturalKey: naturalKey as string,
        recordId: recordId as string,
      })
    }
    // The roles of a multi-person row are told apart.
    expect(new Set(rows.map((row) => row[4]))).toEqual(
      new Set(['subject', 'husband', 'wife', 'mother', 'father', 'child']),
    )
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['persons.csv'])
  })
})

describe('bidui export pairs', () => {
  it('writes every accepted and review pair with both records, each a real row of its file', async () => {
    const r = bidui(
      'export',
      'pairs',
      pipeline,
      '--period',
      '2026-10',
      '--db',
      'x.db',
      '--out',
      'pairs.csv',
      '--json',
    )
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ what: 'pairs', rows: expect.any(Number) })
    const { header, rows } = readExport('pairs.csv')
    expect(header.slice(0, 4)).toEqual([
      '分档 band',
      '匹配权重 match_weight',
      '匹配概率 probability',
      '比较级别 levels (resident_id;name;birth_date;sex;home_address)',
    ])
    const [counts] = query<{ accept: number; review: number }>(
      "select sum(band = 'accept') accept, sum(band = 'review') review from link_pair",
    )
    expect(rows.filter((row) => row[0] === 'accept').length).toBe(counts?.accept)
    expect(rows.filter((row) => row[0] === 'review').length).toBe(counts?.review)
    expect(JSON.parse(r.stdout).rows).toBe(rows.length)
    for (const row of rows) {
      const p = Number(row[2])
      if (row[0] === 'accept') expect(p).toBeGreaterThanOrEqual(0.95)
      else expect(p).toBeLessThan(0.95)
    }
    // Checking the file lines of every pair would re-check the same rows; a spread sample does.
    for (let k = 0; k < rows.length; k += 97) {
      const row = rows[k] as string[]
      for (const at of [4, 11]) {
        await expectRealRow({
          source: row[at + 1] as string,
          file: row[at + 2] as string,
          line: row[at + 3] as string,
          role: row[at + 4] as string,
          naturalKey: row[at + 5] as string,
          recordId: row[at + 6] as string,
        })
      }
    }
  })

  it('refuses a month that was not linked, naming the link to run', () => {
    const r = bidui('export', 'pairs', pipeline, '--period', '2026-09', '--db', 'x.db', '--out', 'p.csv')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('LINK_NOT_FOUND')
    expect(r.stderr).toContain(`bidui link ${pipeline} --period 2026-09 --db x.db`)
    expect(existsSync(path.join(dir, 'p.csv'))).toBe(false)
  })

  it('refuses a linkage left stale by a re-ingested file, and leaves the earlier export as it was', () => {
    writeFileSync(path.join(dir, 'p.csv'), 'earlier')
    const db = new Database(path.join(dir, 'x.db'))
    try {
      // As if ingest had replaced one file with a changed version.
      db.prepare(
        "update source_file set sha256 = 'changed' where id = (select min(id) from source_file)",
      ).run()
      const r = bidui('export', 'persons', pipeline, '--period', '2026-10', '--db', 'x.db', '--out', 'p.csv')
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('LINK_STALE')
      expect(readFileSync(path.join(dir, 'p.csv'), 'utf8')).toBe('earlier')
    } finally {
      db.close()
    }
  })
})
