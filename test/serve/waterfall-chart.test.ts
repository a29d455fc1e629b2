import { describe, expect, it } from 'vitest'
import type { EvidenceMatch } from '../../src/cases/case-evidence.js'
import { evidenceValueLabel } from '../../src/serve/evidence-labels.js'
import { renderWaterfallSvg } from '../../src/serve/waterfall-chart.js'

const match = (termFrequencyWeight: number): EvidenceMatch => ({
  priorWeight: -10,
  contributions: [
    { comparison: 'resident_id', level: 6, levelCode: 'exact', weight: 20 },
    { comparison: '<name>', level: 0, levelCode: 'else', weight: -3 },
    { comparison: 'sex', level: -1, levelCode: null, weight: 0 },
  ],
  termFrequencyWeight,
  matchWeight: 7 + termFrequencyWeight,
})

describe('renderWaterfallSvg', () => {
  it('draws prior, each comparison and the total, a term-frequency step only when there is one', () => {
    const plain = renderWaterfallSvg(match(0), 'zh')
    expect(plain.match(/<rect /g)).toHaveLength(5)
    expect(plain).toContain('先验')
    expect(plain).toContain('sex (缺失)')
    expect(plain).not.toContain('词频调整')
    expect(plain).toContain('>7.00<')
    const tf = renderWaterfallSvg(match(-1.5), 'en')
    expect(tf.match(/<rect /g)).toHaveLength(6)
    expect(tf).toContain('term frequency')
    expect(tf).toContain('>-1.50<')
    expect(tf).toContain('>5.50<')
  })

  it('escapes labels: a comparison name cannot inject markup', () => {
    const svg = renderWaterfallSvg(match(0), 'zh')
    expect(svg).not.toContain('<name>')
    expect(svg).toContain('&#60;name&#62;')
    expect(svg).not.toMatch(/<script|on\w+=/i)
  })
})

describe('evidenceValueLabel', () => {
  it('shows coded values in Chinese on the zh page, as stored otherwise', () => {
    expect(evidenceValueLabel('sex', 'female', 'zh')).toBe('女')
    expect(evidenceValueLabel('maritalStatus', 'single', 'zh')).toBe('未婚')
    expect(evidenceValueLabel('status', 'cancelled', 'zh')).toBe('注销')
    expect(evidenceValueLabel('sex', 'female', 'en')).toBe('female')
    expect(evidenceValueLabel('name', 'female', 'zh')).toBe('female')
  })
})
