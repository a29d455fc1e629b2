import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { reportDate } from './report-date.js'
import { label } from './report-labels.js'
import type { ReportLang } from './report-lang.js'
import type { VerificationEntry, VerificationSheet } from './verification-sheet.js'
import { woffToSfnt } from './woff-to-sfnt.js'

/**
 * Noto Sans SC, simplified-Chinese subset (GB 2312 and the common characters, ASCII included),
 * from the @fontsource npm package: nothing to install on the machine. pdfkit embeds only the
 * glyphs a sheet uses, so a PDF stays tens of kilobytes.
 */
export const verificationFontFile = createRequire(import.meta.url).resolve(
  '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
)

let font: Buffer | undefined
/** The sheet font unpacked to OpenType once per process (woffToSfnt says why). */
function verificationFont(): Buffer {
  font ??= woffToSfnt(readFileSync(verificationFontFile))
  return font
}

const margin = 40
const pageWidth = 595.28 // A4 in points
const pageHeight = 841.89
const inner = pageWidth - 2 * margin
const pad = 8
const fillLine = 24

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

function blockHeight(doc: PDFKit.PDFDocument, e: VerificationEntry, facts: string, lang: ReportLang): number {
  const w = inner - 2 * pad
  doc.fontSize(12)
  let h = doc.heightOfString(`00. ${e.check} ${label('review', lang)} ${e.status}`, { width: w }) + 4
  doc.fontSize(10.5)
  h += doc.heightOfString(e.reason, { width: w }) + 3
  h += doc.heightOfString(facts, { width: w }) + 3
  doc.fontSize(8)
  h += doc.heightOfString(`${label('caseNo', lang)} ${e.key}`, { width: w }) + 2
  for (const r of e.records) h += doc.heightOfString(`· ${r}`, { width: w })
  return h + 3 * fillLine + 2 * pad + 4
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
    bufferPages: true,
    info: {
      Title: sheet.title,
      Creator: 'bidui',
      Producer: 'bidui (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  })
  doc.registerFont('sheet', verificationFont())
  doc.font('sheet')
  const missing = new Set<string>()
  const out = createWriteStream(tmp, { mode: 0o600 })
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
    doc.on('error', reject)
  })
  try {
    doc.pipe(out)
    doc.fontSize(16).text(sheet.title, { align: 'center' })
    doc.moveDown(0.3)
    doc
      .fontSize(9)
      .text(
        `${label('caseCount', lang).replace('{n}', String(sheet.entries.length))} · ${maskIds ? label('idsMasked', lang) : label('idsShown', lang)}`,
        { align: 'center' },
      )
    doc.moveDown(0.8)
    if (sheet.entries.length === 0) doc.fontSize(12).text(label('noCases', lang), { align: 'center' })
    for (const [i, e] of sheet.entries.entries()) {
      const facts = [
        `${label('name', lang)} ${e.name}`,
        `${label('residentId', lang)} ${e.residentId}`,
        ...(e.address === '' ? [] : [`${label('address', lang)} ${e.address}`]),
        ...(e.householdNo === '' ? [] : [`${label('householdNo', lang)} ${e.householdNo}`]),
        ...(e.probability === '' ? [] : [`${label('probability', lang)} ${e.probability}`]),
      ].join('    ')
      for (const t of [e.check, e.reason, facts, ...e.records])
        for (const c of missingGlyphs(doc, t)) missing.add(c)
      const h = blockHeight(doc, e, facts, lang)
      if (doc.y + h > pageHeight - margin - 14 && doc.y > margin + 1) doc.addPage()
      const top = doc.y
      const x = margin + pad
      const w = inner - 2 * pad
      doc.y = top + pad
      const tags = [
        e.review ? `［${label('review', lang)}］` : '',
        e.status === '' ? '' : `［${e.status}］`,
      ].join('')
      doc.fontSize(12).text(`${i + 1}. ${e.check} ${tags}`, x, doc.y, { width: w })
      doc.moveDown(0.2)
      doc.fontSize(10.5).text(e.reason, x, doc.y, { width: w })
      doc.moveDown(0.2)
      doc.text(facts, x, doc.y, { width: w })
      doc.moveDown(0.2)
      doc
        .fontSize(8)
        .fillColor('#333')
        .text(`${label('caseNo', lang)} ${e.key}`, x, doc.y, { width: w })
      for (const r of e.records) doc.text(`· ${r}`, x, doc.y, { width: w })
      doc.fillColor('#000').fontSize(10.5)
      const line = (label1: string, from: number, to: number, y: number) => {
        if (label1 !== '') doc.text(label1, from, y - 13, { lineBreak: false })
        const start = from + (label1 === '' ? 0 : doc.widthOfString(label1) + 4)
        doc.moveTo(start, y).lineTo(to, y).lineWidth(0.6).stroke()
      }
      let y = doc.y + fillLine
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
      doc.x = margin
      doc.y = bottom + 12
    }
    const range = doc.bufferedPageRange()
    for (let p = range.start; p < range.start + range.count; p++) {
      doc.switchToPage(p)
      doc.fontSize(8).text(`${p + 1} / ${range.count}`, margin, pageHeight - margin + 10, {
        width: inner,
        align: 'center',
        lineBreak: false,
      })
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
