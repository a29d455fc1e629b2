import { describe, expect, it } from 'vitest'
import { PipelineInvalidError, PipelineYamlSyntaxError } from '../../src/errors/pipeline-errors.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'

const valid = `version: 1
name: demo
jurisdiction:
  county: '410105'
  name: 金水区
  addressPrefixes: [河南省, 郑州市, 金水区]
  communities:
    - { code: '410105001001', name: 文化路社区, aliases: [文化路居委会] }
sources:
  - name: police-changes
    agency: police
    kind: household-change
    files: ['exports/police-{period}.csv']
    columns:
      residentId: 公民身份号码
      name: 姓名
      event.type: 变动类型
      event.date: 变动日期
    values:
      event.type: { 迁出: move-out, 出生登记: birth }
  - name: civil-marriages
    agency: civil
    kind: marriage
    files: ['exports/marriages-{period}.xlsx']
    columns:
      husband.name: 男方姓名
      wife.name: 女方姓名
      wife.residentId: 女方身份证号
`

function problems(text: string) {
  try {
    parsePipelineText(text, '/p/demo.yaml', 'demo.yaml')
  } catch (e) {
    if (e instanceof PipelineInvalidError) {
      return e.issues.map((i) => ({ path: i.path.join('.'), line: i.where.line, allowed: i.allowed }))
    }
    throw e
  }
  return []
}

describe('loading a pipeline file', () => {
  it('resolves a valid file: defaults, absolute paths and parsed column keys', () => {
    const p = parsePipelineText(valid, '/p/demo.yaml')
    expect(p.jurisdiction.communities[0]?.aliases).toEqual(['文化路居委会'])
    const police = p.sources[0]!
    expect(police.files).toEqual(['/p/exports/police-{period}.csv'])
    expect(police.encoding).toBe('auto')
    expect(police.format).toBeNull()
    expect(police.columns.find((c) => c.key === 'event.type')?.values.get('迁出')).toBe('move-out')
    const wife = p.sources[1]!.columns.find((c) => c.key === 'wife.residentId')!
    expect(wife.field).toEqual({ scope: 'person', role: 'wife', field: 'residentId' })
  })

  it.each([
    {
      name: 'bad agency, with the allowed values, at its line',
      edit: (t: string) => t.replace('agency: police', 'agency: polis'),
      expected: [
        { path: 'sources.0.agency', line: 11, allowed: ['police', 'civil', 'health', 'register', 'other'] },
      ],
    },
    {
      name: 'county code of the wrong length',
      edit: (t: string) => t.replace("county: '410105'", "county: '4101'"),
      expected: [{ path: 'jurisdiction.county', line: 4, allowed: undefined }],
    },
    {
      name: 'unknown key, located at the key',
      edit: (t: string) => t.replace('    agency: civil', '    agncy: civil\n    agency: civil'),
      expected: [{ path: 'sources.1.agncy', line: 22, allowed: undefined }],
    },
    {
      name: 'a bare person field on a two-person kind',
      edit: (t: string) => t.replace('husband.name: 男方姓名', 'name: 男方姓名'),
      // and, as a consequence, the husband can no longer be identified
      expected: [
        { path: 'sources.1.columns.name', line: 26 },
        { path: 'sources.1.columns', line: 26 },
      ],
    },
    {
      name: 'a value mapped outside the canonical set',
      edit: (t: string) => t.replace('迁出: move-out', '迁出: moved'),
      expected: [{ path: 'sources.0.values.event.type.迁出', line: 20 }],
    },
  ])('reports $name', ({ edit, expected }) => {
    const got = problems(edit(valid))
    expect(got).toHaveLength(expected.length)
    expected.forEach((e, i) => {
      expect(got[i]?.path).toBe(e.path)
      expect(got[i]?.line).toBe(e.line)
      if ('allowed' in e && e.allowed) expect(got[i]?.allowed).toEqual(e.allowed)
    })
  })

  it('reports every problem of a file at once', () => {
    const text = valid.replace('agency: police', 'agency: polis').replace("county: '410105'", 'county: 12')
    expect(problems(text).map((p) => p.path)).toEqual(['jurisdiction.county', 'sources.0.agency'])
  })

  it('lists the allowed column keys for an unknown field', () => {
    const got = problems(valid.replace('residentId: 公民身份号码', 'idNumber: 公民身份号码'))
    expect(got[0]?.path).toBe('sources.0.columns.idNumber')
    expect(got[0]?.allowed).toContain('residentId')
    expect(got[0]?.allowed).toContain('event.date')
  })

  it('requires a way to identify each person of a row', () => {
    const got = problems(
      valid.replace('      wife.name: 女方姓名\n      wife.residentId: 女方身份证号\n', ''),
    )
    expect(got).toHaveLength(1)
    expect(got[0]?.path).toBe('sources.1.columns')
  })

  it('gives the line and column of a YAML syntax error', () => {
    try {
      parsePipelineText('version: 1\nname: [unclosed\n', '/p/x.yaml', 'x.yaml')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(PipelineYamlSyntaxError)
      expect((e as PipelineYamlSyntaxError).where?.file).toBe('x.yaml')
      expect((e as PipelineYamlSyntaxError).where?.line).toBeGreaterThanOrEqual(2)
    }
  })
})
