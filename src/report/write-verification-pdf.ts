import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { reportDate } from './report-date.js'
import { reportFont } from './report-font.js'
import { label } from './report-labels.js'
import type { ReportLang } from './report-lang.js'
import type { VerificationEntry, VerificationSheet } from './verification-sheet.js'

const margin = 40
const pageWidth = 595.28 // A4 in points
const pageHeight = 841.89
const inner = pageWidth - 2 * margin
const pad = 8
const fillLine = 24

/**
 * Memoizes the font's character-to-glyph lookup. fontkit decodes the cmap's groups afresh on
 * every lookup (a binary search over lazily parsed records), and each character of every run is
 * looked up when it is measured, drawn and checked: half the time of a sheet. A fontkit internal:
 * if the shape is not the expected one, nothing is changed (slower, still correct).
 */
function memoizeCmap(doc: PDFKit.PDFDocument): void {
  type Cmap = { lookup(codePoint: number, variationSelector?: number): number }
  const font = (doc as unknown as { _font?: { font?: { _cmapProcessor?: Cmap } } })._font?.font
  const cmap = font?._cmapProcessor
  if (cmap === undefined || typeof cmap.lookup !== 'function') return
  const lookup = cmap.lookup.bind(cmap)
  const known = new Map<number, number>()
  cmap.lookup = (codePoint, variationSelector) => {
    if (variationSelector !== undefined) return lookup(codePoint, variationSelector)
    let gid = known.get(codePoint)
    if (gid === undefined) {
      gid = lookup(codePoint)
      known.set(codePoint, gid)
    }
    return gid
  }
}

/** Code points of `text` the sheet font has no glyph for (they would print as empty boxes). */
export function missingGlyphs(doc: PDFKit.PDFDocument, text: string): string[] {
  // pdfkit's font wrapper exposes the fontkit font; not in its typings.
  const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(c: number): boolean } } })._font
    .font
  return [
    ...new Set(
      [...text].filter((c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0) as number)),
    ),
  ]
}

/** One piece of text of a case block. */
interface Run {
  readonly text: string
  readonly size: number
  readonly color: string
  /** Space after it, in points. */
  readonly gap: number
}

const textWidth = inner - 2 * pad

/**
 * Height of a run at the block's width. A run that fits on one line (most do) is measured and
 * later drawn without pdfkit's line wrapper, which lays out every CJK character as a possible
 * break and was most of the time spent on a sheet.
 */
function runHeight(doc: PDFKit.PDFDocument, r: Run): { height: number; oneLine: boolean } {
  doc.fontSize(r.size)
  if (doc.widthOfString(r.text) <= textWidth) return { height: doc.currentLineHeight(true), oneLine: true }
  return { height: doc.heightOfString(r.text, { width: textWidth }), oneLine: false }
}

function caseRuns(e: VerificationEntry, n: number, lang: ReportLang): Run[] {
  const tags = [
    e.review ? `［${label('review', lang)}］` : '',
    e.status === '' ? '' : `［${e.status}］`,
  ].join('')
  const facts = [
    `${label('name', lang)} ${e.name}`,
    `${label('residentId', lang)} ${e.residentId}`,
    ...(e.address === '' ? [] : [`${label('address', lang)} ${e.address}`]),
    ...(e.householdNo === '' ? [] : [`${label('householdNo', lang)} ${e.householdNo}`]),
    ...(e.probability === '' ? [] : [`${label('probability', lang)} ${e.probability}`]),
  ].join('    ')
  return [
    { text: `${n}. ${e.check} ${tags}`, size: 12, color: '#000', gap: 3 },
    { text: e.reason, size: 10.5, color: '#000', gap: 2 },
    { text: facts, size: 10.5, color: '#000', gap: 2 },
    { text: `${label('caseNo', lang)} ${e.key}`, size: 8, color: '#333', gap: 0 },
    ...e.records.map((r) => ({ text: `· ${r}`, size: 8, color: '#333', gap: 0 })),
  ]
}

/**
 * Writes a community's 入户核查表 as a PDF (A4, one bordered block per case, never split across
 * pages, blank lines for 核查结果, 核查人, 核查日期, page numbers). Dated with the period
 * (reportDate), so the same month gives the same bytes. Written to a temporary file and renamed.
 * Returns the characters the font could not show (empty when every one was covered).
 */
export async function writeVerificationPdf(
  file: string,
  sheet: VerificationSheet,
  lang: ReportLang,
  maskIds: boolean,
): Promise<string[]> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  const date = reportDate(sheet.period)
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: {
      Title: sheet.title,
      Creator: 'bidui',
      Producer: 'bidui (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  })
  doc.registerFont('sheet', reportFont())
  doc.font('sheet')
  memoizeCmap(doc)
  const missing = new Set<string>()
  const out = createWriteStream(tmp, { mode: 0o600 })
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
    doc.on('error', reject)
  })
  try {
    doc.pipe(out)
    const head = [
      { text: sheet.title, size: 16, gap: 4 },
      {
        text: `${label('caseCount', lang).replace('{n}', String(sheet.entries.length))} · ${maskIds ? label('idsMasked', lang) : label('idsShown', lang)}`,
        size: 9,
        gap: 12,
      },
    ]
    const headHeight = head.reduce((sum, r) => sum + doc.fontSize(r.size).currentLineHeight(true) + r.gap, 0)
    // Pass 1: every block's runs and height, and the page each starts on, so the footer can say
    // "page p / N" without holding the pages in memory.
    const bottomLimit = pageHeight - margin - 14
    const blocks = sheet.entries.map((e, i) => {
      const runs = caseRuns(e, i + 1, lang)
      for (const r of runs) for (const c of missingGlyphs(doc, r.text)) missing.add(c)
      const measured = runs.map((r) => runHeight(doc, r))
      const height =
        measured.reduce((sum, m, k) => sum + m.height + (runs[k] as Run).gap, 0) + 3 * fillLine + 2 * pad + 4
      return { runs, measured, height, newPage: false }
    })
    let y = margin + headHeight
    let pages = 1
    for (const b of blocks) {
      if (y + b.height > bottomLimit && y > margin + 1) {
        b.newPage = true
        pages++
        y = margin
      }
      y += b.height + 12
    }
    let page = 1
    // In the bottom margin: pdfkit would start a new page for text there unless the margin is
    // lifted while the footer is drawn.
    const footer = () => {
      const bottomMargin = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      doc
        .fontSize(8)
        .fillColor('#000')
        .text(`${page} / ${pages}`, margin, pageHeight - margin + 10, {
          width: inner,
          align: 'center',
          lineBreak: false,
        })
      doc.page.margins.bottom = bottomMargin
    }
    footer()
    y = margin
    for (const r of head) {
      doc.fontSize(r.size).text(r.text, margin, y, { width: inner, align: 'center', lineBreak: false })
      y += doc.currentLineHeight(true) + r.gap
    }
    if (sheet.entries.length === 0)
      doc.fontSize(12).text(label('noCases', lang), margin, y, { width: inner, align: 'center' })
    // Pass 2: draw.
    const x = margin + pad
    const w = textWidth
    for (const b of blocks) {
      if (b.newPage) {
        doc.addPage()
        page++
        footer()
        y = margin
      }
      const top = y
      y += pad
      for (const [k, r] of b.runs.entries()) {
        const m = b.measured[k] as { height: number; oneLine: boolean }
        doc.fontSize(r.size).fillColor(r.color)
        if (m.oneLine) doc.text(r.text, x, y, { lineBreak: false })
        else doc.text(r.text, x, y, { width: w })
        y += m.height + r.gap
      }
      doc.fillColor('#000').fontSize(10.5)
      const line = (label1: string, from: number, to: number, at: number) => {
        if (label1 !== '') doc.text(label1, from, at - 13, { lineBreak: false })
        const start = from + (label1 === '' ? 0 : doc.widthOfString(label1) + 4)
        doc.moveTo(start, at).lineTo(to, at).lineWidth(0.6).stroke()
      }
      y += fillLine
      line(label('result', lang), x, x + w, y)
      y += fillLine
      line('', x, x + w, y)
      y += fillLine
      line(label('checker', lang), x, x + w / 2 - 10, y)
      line(label('checkDate', lang), x + w / 2 + 10, x + w, y)
      const bottom = y + pad
      doc
        .rect(margin, top, inner, bottom - top)
        .lineWidth(0.8)
        .stroke()
      y = bottom + 12
    }
    doc.end()
    await done
    renameSync(tmp, file)
  } catch (e) {
    out.destroy()
    rmSync(tmp, { force: true })
    throw e
  }
  return [...missing]
}
