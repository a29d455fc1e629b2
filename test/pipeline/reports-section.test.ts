import { describe, expect, it } from 'vitest'
import { PipelineInvalidError } from '../../src/errors/pipeline-errors.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'

const base = `version: 1
name: demo
sources:
  - name: register-persons
    agency: register
    kind: person
    files: ['register-{period}.csv']
    columns:
      name: 姓名
`

describe('the reports: section of a pipeline', () => {
  it('masks IDs and writes Chinese when the section is absent', () => {
    expect(parsePipelineText(base, '/p/demo.yaml').reports).toEqual({ maskIds: true, lang: 'zh' })
  })

  it('takes maskIds and lang as written', () => {
    const p = parsePipelineText(`${base}reports:\n  maskIds: false\n  lang: en\n`, '/p/demo.yaml')
    expect(p.reports).toEqual({ maskIds: false, lang: 'en' })
  })

  it('reports a wrong value and an unknown key with their lines', () => {
    const text = `${base}reports:\n  maskIds: 'no'\n  lang: fr\n  mask: true\n`
    let error: unknown
    try {
      parsePipelineText(text, '/p/demo.yaml', 'demo.yaml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PipelineInvalidError)
    const issues = (error as PipelineInvalidError).issues.map((i) => ({
      path: i.path.join('.'),
      line: i.where.line,
    }))
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'reports.maskIds', line: 11 },
        { path: 'reports.lang', line: 12 },
      ]),
    )
    expect(issues.some((i) => i.path.startsWith('reports') && i.line === 13)).toBe(true)
  })
})
