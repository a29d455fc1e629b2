import * as echarts from 'echarts'
import { type CaseStatus, caseStatuses, caseStatusZh } from '../cases/case-status.js'

const statusEn: Readonly<Record<CaseStatus, string>> = {
  new: 'new',
  carried: 'carried over',
  closed: 'closed',
  suppressed: 'suppressed',
}

/** Bar colours per status, shared with the page's HTML legend. */
export const trendColors: Readonly<Record<CaseStatus, string>> = {
  new: '#c0392b',
  carried: '#e69b22',
  closed: '#2e8b57',
  suppressed: '#999999',
}

/**
 * Month-over-month cases per status as inline SVG (echarts' server-side renderer, as the
 * reports draw theirs): the page loads no script library and nothing from the network.
 */
export function renderTrendSvg(
  counts: readonly { period: string; status: CaseStatus; n: number }[],
  lang: 'zh' | 'en',
): string {
  const periods = [...new Set(counts.map((c) => c.period))].sort()
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 260 })
  try {
    chart.setOption({
      animation: false,
      // Single quotes: echarts writes the family into a style attribute unescaped. An <img>
      // cannot use the page's web font, so the chart holds only digits and months; the legend
      // (Chinese) is HTML beside it, in trendColors.
      textStyle: { fontFamily: "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" },
      legend: { show: false },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', minInterval: 1 },
      series: caseStatuses.map((s) => ({
        type: 'bar' as const,
        stack: 'cases',
        name: lang === 'zh' ? caseStatusZh[s] : statusEn[s],
        itemStyle: { color: trendColors[s] },
        data: periods.map((p) => counts.find((c) => c.period === p && c.status === s)?.n ?? 0),
      })),
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
