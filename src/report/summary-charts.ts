import * as echarts from 'echarts'
import { embeddedFontFamily } from './embedded-font-css.js'
import { communityName, type PeriodReport } from './period-report.js'
import { checkTitle, label } from './report-labels.js'

/** The report's charts as standalone SVG markup, rendered here so the page needs no script or network. */
export interface SummaryCharts {
  readonly perCheck: string
  readonly perCommunity: string
  readonly weights: string
}

/** The font embedded in the page, then fonts office PCs have for Chinese; nothing is downloaded. */
export const chartFontFamily = `"${embeddedFontFamily}", "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif`

/**
 * One chart as SVG. zrender names its CSS classes and gradients zr<instance>-cls-<n>, both
 * counting up per process; inline SVGs share one page's stylesheet, and the same month should
 * give the same bytes, so each chart gets its own fixed prefix instead.
 */
function renderSvg(id: string, option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: chartFontFamily }, ...option })
    // Class and gradient names (zr0-cls-4, zr0-g0) renumbered in order of appearance.
    const names = new Map<string, string>()
    return chart.renderToSVGString().replace(/\bzr\d+-([A-Za-z]+)-?\d+\b/g, (name, kind: string) => {
      let fixed = names.get(name)
      if (fixed === undefined) {
        fixed = `${id}-${kind}${names.size}`
        names.set(name, fixed)
      }
      return fixed
    })
  } finally {
    chart.dispose()
  }
}

/** Renders the three summary charts with echarts' server-side SVG renderer (pure apart from CPU). */
export function renderSummaryCharts(report: PeriodReport): SummaryCharts {
  const lang = report.lang
  const L = (k: Parameters<typeof label>[0]) => label(k, lang)
  const checkNames = report.counts.map((c) => checkTitle(c, lang))

  const perCheck = renderSvg(
    'per-check',
    {
      grid: { left: 130, right: 50, top: 20, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: checkNames, inverse: true },
      series: [
        {
          type: 'bar',
          name: L('cases'),
          data: report.counts.map((c) => c.cases),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#3b6fb6' },
        },
      ],
    },
    720,
    Math.max(160, 40 + 30 * checkNames.length),
  )

  const communities = report.communities
  const perCommunity = renderSvg(
    'per-community',
    {
      legend: { top: 0, type: 'plain' },
      grid: { left: 150, right: 30, top: 30 + 22 * Math.ceil(report.checks.length / 4), bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: communities.map((c) => communityName(report, c, L('noCommunity'))),
      },
      series: report.checks.map((check) => ({
        type: 'bar' as const,
        stack: 'cases',
        name: checkTitle(check, lang),
        data: communities.map(
          (community) =>
            report.byCommunity.find((b) => b.check === check.id && b.community === community)?.cases ?? 0,
        ),
      })),
    },
    720,
    Math.max(200, 90 + 28 * communities.length),
  )

  const weights = renderSvg(
    'weights',
    {
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 50 },
      xAxis: {
        type: 'category',
        name: L('weight'),
        nameLocation: 'middle',
        nameGap: 30,
        data: report.weights.map((b) => String(b.from)),
      },
      yAxis: { type: 'value', name: L('pairs'), minInterval: 1 },
      series: [
        {
          type: 'bar',
          stack: 'pairs',
          name: L('accepted'),
          data: report.weights.map((b) => b.accept),
          itemStyle: { color: '#3b8f5a' },
        },
        {
          type: 'bar',
          stack: 'pairs',
          name: L('reviewBand'),
          data: report.weights.map((b) => b.review),
          itemStyle: { color: '#d08a2c' },
        },
      ],
    },
    720,
    300,
  )
  return { perCheck, perCommunity, weights }
}
