import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Check } from '../reconcile/check.js'
import type { PeriodReport } from './period-report.js'
import { renderSummaryCharts } from './summary-charts.js'
import { verificationSheets } from './verification-sheet.js'
import { type CaseReportFiles, type CaseReportSummary, writeCaseReports } from './write-case-reports.js'
import { writeCaseWorkbook } from './write-case-workbook.js'
import { writeSummaryHtml } from './write-summary-html.js'
import { writeVerificationHtml } from './write-verification-html.js'
import { writeVerificationPdfs } from './write-verification-pdfs.js'

/** Every file of a period's reports. */
export interface PeriodReportFiles extends CaseReportFiles {
  /** cases.xlsx: summary sheet and one sheet per check. */
  readonly workbook: string
  /** summary.html: counts, charts, KPIs; opens offline. */
  readonly html: string
  /** print/<community>.html and .pdf: 入户核查表 per community ('' = 未能定位 → no-community). */
  readonly print: readonly { readonly community: string; readonly html: string; readonly pdf: string }[]
  /** Characters in the printed sheets that the PDF font could not show (printed as boxes); normally none. */
  readonly missingGlyphs: readonly string[]
}

/** What the summary.json of writeCaseReports holds, less what the report adds itself (byCommunity). */
export type PeriodSummaryBase = Omit<CaseReportSummary, 'byCommunity'>

/**
 * Writes a period's reports into `dir`: the case CSVs and summary.json (writeCaseReports, with
 * counts per community for next month's comparison), cases.xlsx, summary.html and the printable
 * sheets. Each file is written to a temporary file and renamed; sheets of print/ this run did
 * not write (a community no longer in the report) are removed so none looks current.
 */
export async function writePeriodReports(
  dir: string,
  report: PeriodReport,
  checks: readonly Check[],
  summary: PeriodSummaryBase,
): Promise<PeriodReportFiles> {
  const printDir = path.join(dir, 'print')
  const sheets = verificationSheets(report)
  const print = sheets.map((sheet) => ({
    community: sheet.community,
    html: path.join(printDir, `${sheet.file}.html`),
    pdf: path.join(printDir, `${sheet.file}.pdf`),
  }))
  // The PDFs first: in a worker, they are written while this thread writes the rest.
  const pdfs = writeVerificationPdfs({
    jobs: sheets.map((sheet, i) => ({ file: (print[i] as { pdf: string }).pdf, sheet })),
    lang: report.lang,
    maskIds: report.rows.maskIds,
  })
  let missing: string[]
  const workbook = path.join(dir, 'cases.xlsx')
  const html = path.join(dir, 'summary.html')
  let csv: CaseReportFiles
  try {
    csv = writeCaseReports(dir, report.cases, checks, report.rows, {
      ...summary,
      byCommunity: report.byCommunity,
    })
    await writeCaseWorkbook(workbook, report)
    await writeSummaryHtml(html, report, renderSummaryCharts(report))
    for (const [i, sheet] of sheets.entries())
      writeVerificationHtml((print[i] as { html: string }).html, sheet, report.lang, report.rows.maskIds)
    missing = await pdfs.done
  } catch (e) {
    pdfs.cancel()
    throw e
  }
  const written = new Set(print.flatMap((p) => [path.basename(p.html), path.basename(p.pdf)]))
  for (const name of existsSync(printDir) ? readdirSync(printDir) : [])
    if (/\.(html|pdf)$/.test(name) && !written.has(name)) rmSync(path.join(printDir, name), { force: true })
  return { ...csv, workbook, html, print, missingGlyphs: missing.sort() }
}
