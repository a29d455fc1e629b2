import * as echarts from 'echarts'
import { type CaseStatus, caseStatuses, caseStatusZh } from '../cases/case-status.js'
import { chartFontFamily } from '../report/summary-charts.js'

const statusEn: Readonly<Record<CaseStatus, string>> = {
  new: 'new',
  carried: 'carried over',
  closed: 'closed',
  suppressed: 'suppressed',
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
      textStyle: { fontFamily: chartFontFamily },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', minInterval: 1 },
      series: caseStatuses.map((s) => ({
        type: 'bar' as const,
        stack: 'cases',
        name: lang === 'zh' ? caseStatusZh[s] : statusEn[s],
        data: periods.map((p) => counts.find((c) => c.period === p && c.status === s)?.n ?? 0),
      })),
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
