import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { caseColumnsZh, caseRow } from './case-rows.js'
import { caseStatusLabel } from './case-status-label.js'
import { escapeFormula } from './escape-formula.js'
import { previousCount } from './month-over-month.js'
import { communityName, type PeriodReport } from './period-report.js'
import type { Ratio } from './register-metrics.js'
import { reportDate } from './report-date.js'
import { checkTitle, label } from './report-labels.js'
import { setZipEntryDates } from './zip-entry-dates.js'

/** Column widths of a case sheet (caseColumnsZh order), in characters; Chinese counts double. */
const caseWidths = [30, 14, 10, 14, 20, 60, 10, 22, 80, 10, 18]
const statusWidth = 12

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique ignoring case. */
function sheetNames(titles: readonly string[], reserved: string): string[] {
  const used = new Set([reserved.toLowerCase()])
  return titles.map((t) => {
    const base = t.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'sheet'
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`
    used.add(name.toLowerCase())
    return name
  })
}

const text = (v: string) => escapeFormula(v)
const rate = (r: Ratio) => (r.rate === null ? '' : r.rate)
/** Change against last month as a signed number (shown +3 / -2 / 0), empty when last month is unknown. */
const change = (now: number, before: number | null) => (before === null ? '' : now - before)
const changeFormat = '+0;-0;0'

/**
 * Writes cases.xlsx: a summary sheet (counts per check, per check and community with last
 * month's, the register KPIs with their definitions) and one sheet per check (frozen header,
 * autofilter, widths). Every text cell is escaped against formulas like the CSVs. Streams to a
 * temporary file renamed over the target. The file's dates and its zip entries' timestamps are
 * the period's (reportDate), so the same month gives the same bytes.
 */
export async function writeCaseWorkbook(file: string, report: PeriodReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  const date = reportDate(report.period)
  const lang = report.lang
  const L = (k: Parameters<typeof label>[0]) => label(k, lang)
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: tmp,
      useStyles: true,
      useSharedStrings: false,
    })
    wb.creator = 'bidui'
    wb.created = date
    wb.modified = date

    const summary = wb.addWorksheet(L('summarySheet'))
    summary.columns = [
      { width: 16 },
      { width: 22 },
      { width: 18 },
      { width: 10 },
      { width: 12 },
      { width: 12 },
      { width: 12 },
    ]
    const bold = { font: { bold: true } }
    const add = (cells: (string | number | null)[], style?: object) => {
      const row = summary.addRow(cells.map((c) => (typeof c === 'string' ? text(c) : c)))
      if (style !== undefined) row.eachCell((cell) => Object.assign(cell, style))
      // Column 7 of both count tables is the change against last month.
      if (typeof cells[6] === 'number') row.getCell(7).numFmt = changeFormat
      row.commit()
    }
    add([`${L('summaryTitle')} ${report.jurisdiction} ${report.county} ${report.period}`], {
      font: { bold: true, size: 14 },
    })
    add([L('pipeline'), report.pipeline, report.rows.maskIds ? L('idsMasked') : L('idsShown')])
    add([L('previous'), report.previous?.period ?? L('noPrevious')])
    add([])
    add([L('check'), '', L('cases'), L('review'), L('noCommunity'), L('previous'), L('change')], bold)
    for (const c of report.counts) {
      const before = previousCount(report.previous, c.id)
      add([checkTitle(c, lang), c.id, c.cases, c.review, c.noCommunity, before, change(c.cases, before)])
    }
    const total = report.counts.reduce((s, c) => s + c.cases, 0)
    const totalBefore =
      report.previous === null
        ? null
        : report.counts.reduce((s, c) => s + (previousCount(report.previous, c.id) ?? 0), 0)
    add(
      [
        L('total'),
        '',
        total,
        report.counts.reduce((s, c) => s + c.review, 0),
        report.counts.reduce((s, c) => s + c.noCommunity, 0),
        totalBefore,
        change(total, totalBefore),
      ],
      bold,
    )
    add([])
    add(
      [L('communityCode'), L('community'), L('check'), L('cases'), L('review'), L('previous'), L('change')],
      bold,
    )
    const titles = new Map(report.checks.map((c) => [c.id, checkTitle(c, lang)]))
    for (const community of report.communities)
      for (const cell of report.byCommunity.filter((b) => b.community === community)) {
        const before = previousCount(report.previous, cell.check, community)
        add([
          community,
          communityName(report, community, L('noCommunity')),
          titles.get(cell.check) ?? cell.check,
          cell.cases,
          cell.review,
          before,
          change(cell.cases, before),
        ])
      }
    add([])
    add([L('indicator'), L('value'), L('numerator'), L('denominator'), L('definition')], bold)
    const m = report.metrics
    for (const [k, r, def] of [
      ['coverage', m.coverage, 'coverageDef'],
      ['noConflict', m.withoutConflict, 'noConflictDef'],
      ['noCase', m.withoutCase, 'noCaseDef'],
    ] as const) {
      const row = summary.addRow([text(L(k)), rate(r), r.numerator, r.denominator, text(L(def))])
      row.getCell(2).numFmt = '0.00%'
      row.commit()
    }
    await summary.commit()

    const names = sheetNames(
      report.checks.map((c) => checkTitle(c, lang)),
      L('summarySheet'),
    )
    const header = [...caseColumnsZh, ...(report.hasStatus ? ['案件状态'] : [])]
    for (const [i, check] of report.checks.entries()) {
      const ws = wb.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: 1 }] })
      ws.columns = [...caseWidths, ...(report.hasStatus ? [statusWidth] : [])].map((width) => ({ width }))
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } }
      const head = ws.addRow(header.map(text))
      head.font = { bold: true }
      head.commit()
      for (const c of report.cases) {
        if (c.checkId !== check.id) continue
        const cells: (string | number)[] = caseRow(c, report.rows).map(text)
        // The deciding probability as a number, so it sorts and filters as one.
        cells[9] = c.probability === null ? '' : c.probability
        if (report.hasStatus) cells.push(text(caseStatusLabel(c.status, lang)))
        const row = ws.addRow(cells)
        if (c.probability !== null) row.getCell(10).numFmt = '0.000'
        row.commit()
      }
      await ws.commit()
    }
    await wb.commit()
    // The zip entries carry the clock; the period's date keeps the bytes stable.
    const bytes = readFileSync(tmp)
    setZipEntryDates(bytes, date)
    writeFileSync(tmp, bytes)
    renameSync(tmp, file)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}
