import type { EvidenceMatch } from '../cases/case-evidence.js'

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * A pair's match weight as a waterfall in plain SVG (no script, nothing fetched): the prior,
 * one bar per comparison rising (green) or falling (red) by its weight in bits, the
 * term-frequency remainder when there is one, and the total. Pure; labels escaped.
 */
export function renderWaterfallSvg(match: EvidenceMatch, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh'
  const steps: { label: string; weight: number }[] = [
    { label: zh ? '先验' : 'prior', weight: match.priorWeight },
    ...match.contributions.map((c) => ({
      label: `${c.comparison} (${c.levelCode ?? (zh ? '缺失' : 'missing')})`,
      weight: c.weight,
    })),
    ...(match.termFrequencyWeight === 0
      ? []
      : [{ label: zh ? '词频调整' : 'term frequency', weight: match.termFrequencyWeight }]),
  ]
  const bars: { label: string; from: number; to: number; total: boolean }[] = []
  let at = 0
  for (const s of steps) {
    bars.push({ label: s.label, from: at, to: at + s.weight, total: false })
    at += s.weight
  }
  bars.push({ label: zh ? '匹配权重' : 'match weight', from: 0, to: match.matchWeight, total: true })
  const lo = Math.min(0, ...bars.flatMap((b) => [b.from, b.to]))
  const hi = Math.max(0, ...bars.flatMap((b) => [b.from, b.to]))
  const width = 720
  const row = 24
  const left = 220
  const plot = width - left - 70
  const height = bars.length * row + 30
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * plot
  const parts = bars.map((b, i) => {
    const y = 10 + i * row
    const x0 = Math.min(x(b.from), x(b.to))
    const w = Math.max(1, Math.abs(x(b.to) - x(b.from)))
    const color = b.total ? '#34495e' : b.to >= b.from ? '#2e8b57' : '#c0392b'
    const delta = b.total ? b.to : b.to - b.from
    const value = `${delta >= 0 && !b.total ? '+' : ''}${delta.toFixed(2)}`
    return (
      `<g class="step"><text x="${left - 6}" y="${y + 15}" text-anchor="end">${esc(b.label)}</text>` +
      `<rect x="${x0.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="${color}"/>` +
      `<text x="${(Math.max(x(b.from), x(b.to)) + 4).toFixed(1)}" y="${y + 15}">${value}</text></g>`
    )
  })
  const zero = x(0).toFixed(1)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" font-size="12" role="img" aria-label="${zh ? '比对贡献瀑布图（比特）' : 'Per-comparison contributions (bits)'}">` +
    `<line x1="${zero}" y1="4" x2="${zero}" y2="${height - 18}" stroke="#888" stroke-dasharray="3,3"/>` +
    parts.join('') +
    `<text x="${left}" y="${height - 4}" fill="#555">${zh ? '单位：比特（log2 m/u）' : 'bits (log2 m/u)'}</text></svg>`
  )
}
