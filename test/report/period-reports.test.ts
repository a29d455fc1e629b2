import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Case } from '../../src/reconcile/case.js'
import type { PeriodReport } from '../../src/report/period-report.js'
import { readPreviousSummary } from '../../src/report/read-previous-summary.js'
import { type PeriodReportFiles, writePeriodReports } from '../../src/report/write-period-reports.js'
import { C1, C2, hostileNames, period, scenarioReport, standardChecks, zhaoId } from './report-scenario.js'

const formulaStart = /^[=+\-@\t\r]/

async function write(dir: string, report: PeriodReport, cases: readonly Case[]): Promise<PeriodReportFiles> {
  return writePeriodReports(path.join(dir, report.period), report, standardChecks, {
    pipeline: report.pipeline,
    county: report.county,
    period: report.period,
    checks: report.counts,
    total: {
      cases: cases.length,
      review: cases.filter((c) => c.review).length,
      noCommunity: cases.filter((c) => c.community === null).length,
    },
    idsMasked: report.rows.maskIds,
  })
}

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

/** Every cell value of a workbook as text, with whether it is a formula. */
function cells(wb: ExcelJS.Workbook): { text: string; formula: boolean }[] {
  const out: { text: string; formula: boolean }[] = []
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) =>
        out.push({ text: String(cell.value ?? ''), formula: cell.type === ExcelJS.ValueType.Formula }),
      ),
    ),
  )
  return out
}

/** The text a PDF's fonts map back to Unicode (their ToUnicode CMaps), from its deflated streams. */
function pdfUnicode(pdf: Buffer): string {
  const text = pdf.toString('latin1')
  const chars: string[] = []
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length
    const end = text.indexOf('endstream', start)
    let body: string
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1')
    } catch {
      continue
    }
    if (!body.includes('begincmap')) continue
    // pdfkit maps glyph ranges to arrays of UTF-16 code units: <0000> <0087> [<91d1> <6c34> …]
    for (const list of body.matchAll(/\[([^\]]*)\]/g))
      for (const h of (list[1] as string).matchAll(/<([0-9a-fA-F]{4})>/g))
        chars.push(String.fromCharCode(Number.parseInt(h[1] as string, 16)))
  }
  return chars.join('')
}

describe('period reports', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bidui-period-reports-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a workbook with a summary sheet and one sheet per check holding the reconciled cases', async () => {
    const { report, cases } = scenarioReport()
    const files = await write(dir, report, cases)
    const wb = await openWorkbook(files.workbook)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...standardChecks.map((c) => c.name)])
    for (const check of standardChecks) {
      const ws = wb.getWorksheet(check.name) as ExcelJS.Worksheet
      const expected = cases.filter((c) => c.checkId === check.id)
      expect(ws.rowCount - 1, check.id).toBe(expected.length)
      expect(ws.getRow(1).getCell(1).value).toBe('案件编号')
      // Case keys in the sheet are those reconcile raised for the check, in its order.
      const keys: string[] = []
      ws.eachRow((row, n) => {
        if (n > 1) keys.push(String(row.getCell(1).value))
      })
      expect(keys).toEqual(expected.map((c) => c.key))
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      // The filter spans the header row, every column of it.
      expect(ws.autoFilter).toBe(`A1:${ws.getColumn(ws.getRow(1).cellCount).letter}1`)
      expect(ws.getColumn(6).width).toBeGreaterThan(20)
    }
    // Summary: per-check counts and per check and community, as counted here from the cases.
    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet
    const rows: unknown[][] = []
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    for (const check of standardChecks) {
      const row = rows.find((r) => r[0] === check.name && r[1] === check.id)
      expect(row?.[2], check.id).toBe(cases.filter((c) => c.checkId === check.id).length)
    }
    const names = { [C1]: '文化路社区', [C2]: '花园路社区', '': '未能定位' }
    for (const [community, name] of Object.entries(names)) {
      for (const check of standardChecks) {
        const n = cases.filter((c) => c.checkId === check.id && (c.community ?? '') === community).length
        const row = rows.find((r) => r[1] === name && r[2] === check.name)
        if (n === 0) expect(row).toBeUndefined()
        else expect(row?.[3], `${check.id} ${community}`).toBe(n)
      }
    }
    // Coverage of married women aged 15–49: the scenario holds three in the register and one
    // inflow woman of 30 missing from it.
    const coverage = rows.find((r) => r[0] === '已婚育龄妇女信息覆盖率')
    expect(coverage?.slice(1, 4)).toEqual([0.75, 3, 4])
  })

  it('escapes formula-like names in the CSV, the workbook and the HTML pages, and markup in HTML', async () => {
    const { report, cases } = scenarioReport()
    const files = await write(dir, report, cases)
    const csv = Papa.parse<string[]>(readFileSync(files.all, 'utf8').slice(1), { skipEmptyLines: true }).data
    for (const row of csv) for (const cell of row) expect(cell).not.toMatch(formulaStart)
    expect(csv.flat()).toContain(`'${hostileNames[0]}`)

    const all = cells(await openWorkbook(files.workbook))
    expect(all.some((c) => c.formula)).toBe(false)
    for (const c of all) expect(c.text).not.toMatch(formulaStart)
    for (const name of hostileNames.slice(0, 3)) expect(all.map((c) => c.text)).toContain(`'${name}`)

    const pages = [files.html, ...files.print.map((p) => p.html)].map((f) => readFileSync(f, 'utf8'))
    const joined = pages.join('\n')
    expect(joined).not.toContain('<script')
    expect(joined).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(joined).toContain('&#39;=HYPERLINK(&quot;http://evil.example/x&quot;')
    expect(joined).not.toContain('="HYPERLINK')
    // No text node starts a formula: every > followed by = + - @ is an escaped value or markup.
    expect(joined).not.toMatch(/>[=+@]/)
  })

  it('masks ID numbers by default everywhere and shows them when configured', async () => {
    const masked = scenarioReport()
    const a = await write(path.join(dir, 'masked'), masked.report, masked.cases)
    const shown = scenarioReport({ maskIds: false })
    const b = await write(path.join(dir, 'shown'), shown.report, shown.cases)
    const maskedForm = `${zhaoId.slice(0, 6)}********${zhaoId.slice(14)}`
    const texts = (f: PeriodReportFiles) => [
      readFileSync(f.all, 'utf8'),
      readFileSync(f.html, 'utf8'),
      ...f.print.map((p) => readFileSync(p.html, 'utf8')),
    ]
    for (const t of texts(a)) expect(t).not.toContain(zhaoId)
    expect(texts(a).join('')).toContain(maskedForm)
    expect(
      cells(await openWorkbook(a.workbook))
        .map((c) => c.text)
        .join(' '),
    ).not.toContain(zhaoId)
    expect(pdfUnicode(readFileSync(a.print.find((p) => p.community === C2)?.pdf as string))).toContain('*')
    expect(texts(b).join('')).toContain(zhaoId)
    expect(
      cells(await openWorkbook(b.workbook))
        .map((c) => c.text)
        .join(' '),
    ).toContain(zhaoId)
  })

  it('prints a sheet per community with blank lines to fill in, and a small PDF whose font covers its text', async () => {
    const { report, cases } = scenarioReport()
    const files = await write(dir, report, cases)
    expect(readdirSync(path.join(dir, period, 'print')).sort()).toEqual([
      `${C1}.html`,
      `${C1}.pdf`,
      `${C2}.html`,
      `${C2}.pdf`,
      'no-community.html',
      'no-community.pdf',
    ])
    expect(files.missingGlyphs).toEqual([])
    for (const p of files.print) {
      const html = readFileSync(p.html, 'utf8')
      const mine = cases.filter((c) => (c.community ?? '') === p.community)
      expect(html.match(/<section class="case">/g)?.length ?? 0).toBe(mine.length)
      for (const word of ['核查结果', '核查人', '核查日期'])
        expect(html.split(word).length - 1).toBe(mine.length)
      const pdf = readFileSync(p.pdf)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      // Embedded as a subset (tag+name) and small: the whole font is 2.5 MB.
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+/)
      expect(pdf.length).toBeLessThan(100_000)
      // At least two blocks fit on a page; a footer or block that spilled over would add pages.
      const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
      expect(pages).toBeGreaterThanOrEqual(1)
      expect(pages).toBeLessThanOrEqual(Math.max(1, Math.ceil(mine.length / 2)))
      const unicode = pdfUnicode(pdf)
      for (const c of mine)
        for (const ch of `${c.checkName}核查结果核查人核查日期`) expect(unicode).toContain(ch)
    }
  })

  it('gives the same bytes when a month is written twice', async () => {
    const first = scenarioReport()
    const a = await write(path.join(dir, 'a'), first.report, first.cases)
    const second = scenarioReport()
    const b = await write(path.join(dir, 'b'), second.report, second.cases)
    const files = (f: PeriodReportFiles) => [
      f.all,
      f.summary,
      f.workbook,
      f.html,
      ...f.print.flatMap((p) => [p.html, p.pdf]),
    ]
    const [fa, fb] = [files(a), files(b)]
    expect(fa.map((f) => path.relative(path.join(dir, 'a'), f))).toEqual(
      fb.map((f) => path.relative(path.join(dir, 'b'), f)),
    )
    for (const [i, f] of fa.entries())
      expect(readFileSync(f).equals(readFileSync(fb[i] as string)), path.basename(f)).toBe(true)
  })

  it('compares with last month from its summary.json, per check and per community', async () => {
    // Last month: the same district with only the 身份证号错误 cases of community C1.
    const last = scenarioReport()
    const lastCases = last.cases.filter((c) => c.checkId === 'invalid-id' && c.community === C1)
    const lastReport = { ...last.report, period: '2026-09', cases: lastCases }
    const { buildPeriodReport } = await import('../../src/report/period-report.js')
    const rebuilt = buildPeriodReport({
      pipeline: 'demo',
      county: '410105',
      jurisdiction: '金水区',
      period: '2026-09',
      lang: 'zh',
      checks: standardChecks,
      communities: [
        { code: C1, name: '文化路社区' },
        { code: C2, name: '花园路社区' },
      ],
      input: last.input,
      cases: lastCases,
      maskIds: true,
      previous: null,
    })
    await write(dir, { ...rebuilt, period: lastReport.period }, lastCases)
    const previous = readPreviousSummary(dir, period as never)
    expect(previous?.period).toBe('2026-09')
    expect(previous?.checks['invalid-id']).toEqual({
      total: lastCases.length,
      byCommunity: { [C1]: lastCases.length },
    })

    const now = scenarioReport({ previous })
    const files = await write(dir, now.report, now.cases)
    const rows: unknown[][] = []
    ;(await openWorkbook(files.workbook))
      .getWorksheet('汇总')
      ?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const nowInvalid = now.cases.filter((c) => c.checkId === 'invalid-id')
    const byCheck = rows.find((r) => r[1] === 'invalid-id')
    expect(byCheck?.slice(5, 7)).toEqual([lastCases.length, nowInvalid.length - lastCases.length])
    const inC2 = nowInvalid.filter((c) => c.community === C2).length
    const c2Row = rows.find((r) => r[0] === C2 && r[2] === '身份证号错误')
    expect(c2Row?.slice(5, 7)).toEqual([0, inC2])
  })

  it('shows a case-tracking status column when cases carry one', async () => {
    const { report, cases } = scenarioReport()
    const tracked = report.cases.map((c, i) => ({ ...c, status: i === 0 ? 'new' : 'carried' }))
    const files = await write(dir, { ...report, cases: tracked, hasStatus: true }, cases)
    const ws = (await openWorkbook(files.workbook)).getWorksheet('流入漏管') as ExcelJS.Worksheet
    expect(ws.getRow(1).getCell(12).value).toBe('案件状态')
    expect(ws.getRow(2).getCell(12).value).toBe(tracked[0]?.checkId === 'missing-inflow' ? '新发现' : '延续')
  })

  it('writes English labels when asked', async () => {
    const { report, cases } = scenarioReport({ lang: 'en' })
    const files = await write(dir, report, cases)
    const html = readFileSync(files.html, 'utf8')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Cases per check')
    expect(html).toContain('missing newlywed')
    const wb = await openWorkbook(files.workbook)
    expect(wb.worksheets[0]?.name).toBe('Summary')
  })
})
