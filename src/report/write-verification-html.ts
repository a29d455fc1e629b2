import { escapeHtml as h, htmlCell } from './html-escape.js'
import { label } from './report-labels.js'
import type { ReportLang } from './report-lang.js'
import type { VerificationSheet } from './verification-sheet.js'
import { writeFileAtomic } from './write-atomic.js'

/**
 * A community's 入户核查表 as a print-ready page: A4, one block per case that never breaks across
 * pages, blank lines to write 核查结果, 核查人 and 核查日期 on. No script, nothing fetched.
 */
export function verificationHtml(sheet: VerificationSheet, lang: ReportLang, maskIds: boolean): string {
  const L = (k: Parameters<typeof label>[0]) => h(label(k, lang))
  const blocks = sheet.entries
    .map((e, i) => {
      const facts = [
        [L('name'), htmlCell(e.name)],
        [L('residentId'), htmlCell(e.residentId)],
        ...(e.address === '' ? [] : [[L('address'), htmlCell(e.address)]]),
        ...(e.householdNo === '' ? [] : [[L('householdNo'), htmlCell(e.householdNo)]]),
        ...(e.probability === '' ? [] : [[L('probability'), h(e.probability)]]),
      ]
        .map(([k, v]) => `<span class="fact"><b>${k}</b> ${v}</span>`)
        .join('')
      return `<section class="case">
<h2>${i + 1}. ${htmlCell(e.check)}${e.review ? ` <span class="tag">${L('review')}</span>` : ''}${e.status === '' ? '' : ` <span class="tag">${htmlCell(e.status)}</span>`} <span class="key">${L('caseNo')} ${htmlCell(e.key)}</span></h2>
<p class="reason">${htmlCell(e.reason)}</p>
<p class="facts">${facts}</p>
<ul class="records">${e.records.map((r) => `<li>${htmlCell(r)}</li>`).join('')}</ul>
<div class="fill"><span class="label">${L('result')}</span><span class="line"></span></div>
<div class="fill"><span class="line wide"></span></div>
<div class="fill"><span class="label">${L('checker')}</span><span class="line short"></span><span class="label">${L('checkDate')}</span><span class="line short"></span></div>
</section>`
    })
    .join('\n')
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${htmlCell(sheet.title)}</title>
<style>
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif; font-size: 12pt; color: #000; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.meta { font-size: 9pt; text-align: center; margin: 0 0 5mm; }
.case { border: 1px solid #000; padding: 3mm 4mm; margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
.case h2 { font-size: 12pt; margin: 0 0 2mm; }
.key { font-weight: normal; font-size: 8pt; color: #444; float: right; }
.tag { font-size: 9pt; font-weight: normal; border: 1px solid #000; padding: 0 1mm; }
.reason { margin: 0 0 2mm; }
.facts { margin: 0 0 2mm; } .fact { margin-right: 6mm; white-space: nowrap; }
.records { font-size: 8.5pt; color: #333; margin: 0 0 3mm; padding-left: 5mm; }
.fill { display: flex; align-items: flex-end; margin-top: 5mm; }
.fill .label { white-space: nowrap; margin-right: 2mm; }
.fill .line { flex: 1; border-bottom: 1px solid #000; height: 1.2em; margin-right: 6mm; }
.empty { text-align: center; margin-top: 20mm; }
@media print { .case { box-shadow: none; } }
</style>
</head>
<body>
<h1>${htmlCell(sheet.title)}</h1>
<p class="meta">${h(label('caseCount', lang).replace('{n}', String(sheet.entries.length)))} · ${maskIds ? L('idsMasked') : L('idsShown')}</p>
${sheet.entries.length === 0 ? `<p class="empty">${L('noCases')}</p>` : blocks}
</body>
</html>
`
}

export function writeVerificationHtml(
  file: string,
  sheet: VerificationSheet,
  lang: ReportLang,
  maskIds: boolean,
): void {
  writeFileAtomic(file, verificationHtml(sheet, lang, maskIds))
}
