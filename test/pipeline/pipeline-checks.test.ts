import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PipelineInvalidError } from '../../src/errors/pipeline-errors.js'
import { loadPipeline, parsePipelineText } from '../../src/pipeline/load-pipeline.js'

// Line numbers below are counted by hand in this text (line 1 is `version: 1`).
const head = `version: 1
name: demo
sources:
  - name: civil-marriages
    agency: civil
    kind: marriage
    files: ['m-{period}.csv']
    columns:
      husband.name: 男方姓名
      wife.name: 女方姓名
      wife.residentId: 女方身份证号
  - name: register-persons
    agency: register
    kind: person
    files: ['r-{period}.csv']
    columns:
      residentId: 身份证号
      name: 姓名
checks:
  - id: missing-newlywed
    name: 新婚漏管
    label: missing newlywed
    kind: missing
`

function problems(text: string) {
  try {
    parsePipelineText(text, '/p/demo.yaml', 'demo.yaml')
  } catch (e) {
    if (e instanceof PipelineInvalidError) {
      return e.issues.map((i) => ({ path: i.path.join('.'), line: i.where.line, message: i.message }))
    }
    throw e
  }
  return []
}

describe('checks in a pipeline file', () => {
  it('resolves the checks in the order written', () => {
    const p = parsePipelineText(
      `${head}    from: { sources: [civil-marriages], roles: [wife] }\n    in: { sources: [register-persons] }\n`,
      '/p/demo.yaml',
    )
    expect(p.checks.map((c) => c.id)).toEqual(['missing-newlywed'])
    const c = p.checks[0]
    expect(c?.kind === 'missing' && c.from).toEqual([{ sources: ['civil-marriages'], roles: ['wife'] }])
  })

  it('a pipeline without checks has none', () => {
    const p = parsePipelineText(head.slice(0, head.indexOf('checks:')), '/p/demo.yaml')
    expect(p.checks).toEqual([])
  })

  it('locates a role the named source does not have at its line', () => {
    const text = `${head}    from: { sources: [civil-marriages], roles: [wife] }\n    in: { sources: [register-persons], roles: [child] }\n`
    expect(problems(text)).toEqual([
      {
        path: 'checks.0.in.0.roles.0',
        line: 25,
        message: 'no record of register-persons has role "child"',
      },
    ])
  })

  it('locates an unknown source in a list of filters at its own line', () => {
    const text = `${head}    from:\n      - { sources: [civil-marriages] }\n      - { sources: [police-changes] }\n    in: { sources: [register-persons] }\n`
    expect(problems(text)).toEqual([
      { path: 'checks.0.from.1.sources.0', line: 26, message: 'no source is named "police-changes"' },
    ])
  })

  it('names the allowed kinds for an unknown check kind, at the check', () => {
    const text = head.replace('kind: missing', 'kind: misssing')
    expect(problems(text)).toEqual([
      { path: 'checks.0.kind', line: 23, message: 'not an allowed check kind' },
    ])
  })

  it('the demo pipeline declares the eight standard checks', () => {
    const p = loadPipeline('pipelines/demo.yaml')
    expect(p.checks.map((c) => c.name)).toEqual([
      // 流入漏管 first: 新婚漏管 leaves the migrant brides it raised to it (unlessRaisedBy).
      '流入漏管',
      '新婚漏管',
      '出生漏报',
      '重复建档',
      '信息不一致',
      '死亡未注销',
      '迁出未注销',
      '身份证号错误',
    ])
    // Kept in step with the demo's generator: every check id is a truth type it writes.
    const truthTypes = new Set(
      readFileSync('fixtures/demo/truth/discrepancies.csv', 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1])
        .filter((t) => t),
    )
    for (const c of p.checks) expect(truthTypes).toContain(c.id)
  })
})
