import { embeddedFontCss } from './embedded-font-css.js'
import { escapeHtml as h, htmlCell } from './html-escape.js'
import { formatChange, previousCount } from './month-over-month.js'
import { communityName, type PeriodReport } from './period-report.js'
import type { Ratio } from './register-metrics.js'
import { checkTitle, label } from './report-labels.js'
import { chartFontFamily, type SummaryCharts } from './summary-charts.js'
import { writeFileAtomic } from './write-atomic.js'

const percent = (r: Ratio) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(2)}%`)

/**
 * The summary page: tables and the pre-rendered SVG charts inline, the font embedded
 * (`fontCss`), no script, nothing from elsewhere, so it opens from a USB stick on an offline PC. A Content-Security-Policy
 * forbids every fetch the page might otherwise make.
 */
export function summaryHtml(report: PeriodReport, charts: SummaryCharts, fontCss = ''): string {
  const lang = report.lang
  const L = (k: Parameters<typeof label>[0]) => h(label(k, lang))
  const title = `${label('summaryTitle', lang)} · ${report.jurisdiction} · ${report.period}`
  const prevHead = report.previous === null ? '' : `<th>${L('previous')}</th><th>${L('change')}</th>`
  const checkRows = report.counts
    .map((c) => {
      const before = previousCount(report.previous, c.id)
      const mom =
        report.previous === null
          ? ''
          : `<td class="n">${before ?? ''}</td><td class="n">${formatChange(c.cases, before)}</td>`
      return `<tr><td>${htmlCell(checkTitle(c, lang))}</td><td class="n">${c.cases}</td><td class="n">${c.review}</td><td class="n">${c.noCommunity}</td>${mom}</tr>`
    })
    .join('\n')
  const total = report.counts.reduce((s, c) => s + c.cases, 0)
  const matrixHead = report.checks.map((c) => `<th>${htmlCell(checkTitle(c, lang))}</th>`).join('')
  const matrixRows = report.communities
    .map((community) => {
      const cells = report.checks.map((check) => {
        const n =
          report.byCommunity.find((b) => b.check === check.id && b.community === community)?.cases ?? 0
        const before = previousCount(report.previous, check.id, community)
        const change = formatChange(n, before)
        return `<td class="n">${n}${change !== '' && change !== '0' ? ` <small>(${change})</small>` : ''}</td>`
      })
      const sum = report.byCommunity.filter((b) => b.community === community).reduce((s, b) => s + b.cases, 0)
      return `<tr><td>${htmlCell(communityName(report, community, label('noCommunity', lang)))}</td>${cells.join('')}<td class="n"><b>${sum}</b></td></tr>`
    })
    .join('\n')
  const m = report.metrics
  const indicator = (
    k: 'coverage' | 'noConflict' | 'noCase',
    r: Ratio,
    def: 'coverageDef' | 'noConflictDef' | 'noCaseDef',
  ) =>
    `<tr><td>${L(k)}</td><td class="n"><b>${percent(r)}</b></td><td class="n">${r.numerator} / ${r.denominator}</td><td class="def">${L(def)}</td></tr>`
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>
${fontCss}
body { font-family: ${chartFontFamily}; margin: 24px; color: #222; max-width: 1000px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #bbb; padding: 4px 8px; }
th { background: #eef2f7; } td.n { text-align: right; font-variant-numeric: tabular-nums; } td.def { font-size: 12px; color: #555; max-width: 460px; }
.meta { color: #555; } figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; }
small { color: #777; }
</style>
</head>
<body>
<h1>${h(title)}</h1>
<p class="meta">${L('jurisdiction')}: ${htmlCell(report.jurisdiction)} (${htmlCell(report.county)}) · ${L('pipeline')}: ${htmlCell(report.pipeline)} · ${L('previous')}: ${report.previous === null ? L('noPrevious') : h(report.previous.period)} · ${report.rows.maskIds ? L('idsMasked') : L('idsShown')}</p>
<h2>${L('casesPerCheck')}</h2>
<table id="per-check"><thead><tr><th>${L('check')}</th><th>${L('cases')}</th><th>${L('review')}</th><th>${L('noCommunity')}</th>${prevHead}</tr></thead>
<tbody>
${checkRows}
<tr><td><b>${L('total')}</b></td><td class="n"><b>${total}</b></td><td></td><td></td>${report.previous === null ? '' : '<td></td><td></td>'}</tr>
</tbody></table>
<figure class="chart" id="chart-per-check">${charts.perCheck}</figure>
<h2>${L('casesPerCommunity')}</h2>
<table id="per-community"><thead><tr><th>${L('community')}</th>${matrixHead}<th>${L('total')}</th></tr></thead>
<tbody>
${matrixRows}
</tbody></table>
<figure class="chart" id="chart-per-community">${charts.perCommunity}</figure>
<h2>${L('weightDistribution')}</h2>
<figure class="chart" id="chart-weights">${charts.weights}</figure>
<h2>${L('indicators')}</h2>
<table id="indicators"><thead><tr><th>${L('indicator')}</th><th>${L('value')}</th><th>${L('numerator')} / ${L('denominator')}</th><th>${L('definition')}</th></tr></thead>
<tbody>
${indicator('coverage', m.coverage, 'coverageDef')}
${indicator('noConflict', m.withoutConflict, 'noConflictDef')}
${indicator('noCase', m.withoutCase, 'noCaseDef')}
</tbody></table>
</body>
</html>
`
}

/** Writes summary.html atomically, with the font subset for its own text embedded. */
export async function writeSummaryHtml(
  file: string,
  report: PeriodReport,
  charts: SummaryCharts,
): Promise<void> {
  const fontCss = await embeddedFontCss(summaryHtml(report, charts))
  writeFileAtomic(file, summaryHtml(report, charts, fontCss))
}
