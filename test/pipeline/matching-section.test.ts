import { describe, expect, it } from 'vitest'
import { PipelineInvalidError } from '../../src/errors/pipeline-errors.js'
import { loadPipeline, parsePipelineText } from '../../src/pipeline/load-pipeline.js'

const base = `version: 1
name: demo
jurisdiction:
  county: '410105'
  name: 金水区
  communities:
    - { code: '410105001001', name: 文化路社区 }
sources:
  - name: police-changes
    agency: police
    kind: household-change
    files: ['police-{period}.csv']
    columns:
      residentId: 公民身份号码
      name: 姓名
`

// Line 16 is `matching:`; rules are on lines 19–21, comparisons 22, thresholds 23.
const matching = `matching:
  pairBudget: 1000
  blocking:
    - { name: same ID, keys: [id18] }
    - { name: Excel-truncated ID, keys: [idPrefix15] }
    - { name: birth date + name pinyin, keys: [birthDate, fullNamePinyin] }
  comparisons: [residentId, chineseName, birthDate, sex]
  thresholds: { accept: 0.95, review: 0.5 }
`

function problems(text: string) {
  try {
    parsePipelineText(text, '/p/demo.yaml', 'demo.yaml')
  } catch (e) {
    if (e instanceof PipelineInvalidError) {
      return e.issues.map((i) => ({
        path: i.path.join('.'),
        line: i.where.line,
        message: i.message,
        allowed: i.allowed,
      }))
    }
    throw e
  }
  return []
}

describe('the matching section of a pipeline', () => {
  it('is null when absent, so ingest-only pipelines stay valid', () => {
    expect(parsePipelineText(base, '/p/demo.yaml').matching).toBeNull()
  })

  it('resolves rules in order, with budget, comparisons and thresholds', () => {
    const m = parsePipelineText(base + matching, '/p/demo.yaml').matching
    expect(m?.pairBudget).toBe(1000)
    expect(m?.blocking).toEqual([
      { name: 'same ID', keys: ['id18'] },
      { name: 'Excel-truncated ID', keys: ['idPrefix15'] },
      { name: 'birth date + name pinyin', keys: ['birthDate', 'fullNamePinyin'] },
    ])
    expect(m?.comparisons).toEqual(['residentId', 'chineseName', 'birthDate', 'sex'])
    expect(m?.thresholds).toEqual({ accept: 0.95, review: 0.5 })
  })

  it('fills in the budget, all comparisons and the thresholds when only rules are given', () => {
    const m = parsePipelineText(
      `${base}matching:\n  blocking: [{ name: id, keys: [id18] }]\n`,
      '/p/d.yaml',
    ).matching
    expect(m?.pairBudget).toBe(20_000_000)
    expect(m?.comparisons).toEqual(['residentId', 'chineseName', 'birthDate', 'sex'])
    expect(m?.thresholds).toEqual({ accept: 0.95, review: 0.5 })
  })

  it.each([
    {
      name: 'an unknown blocking key, listing the vocabulary',
      edit: (t: string) => t.replace('[birthDate, fullNamePinyin]', '[birthDate, namePinyin]'),
      expected: [
        { path: 'matching.blocking.2.keys.1', line: 21, message: /"namePinyin" is not a blocking key/ },
      ],
      allowed: 'fullNamePinyin',
    },
    {
      name: 'a rule name used twice',
      edit: (t: string) => t.replace('name: Excel-truncated ID', 'name: same ID'),
      expected: [{ path: 'matching.blocking.1.name', line: 20, message: /"same ID" is used twice/ }],
    },
    {
      name: 'a key listed twice in one rule',
      edit: (t: string) => t.replace('keys: [id18]', 'keys: [id18, id18]'),
      expected: [{ path: 'matching.blocking.0.keys.1', line: 19, message: /listed twice/ }],
    },
    {
      name: 'a rule without keys',
      edit: (t: string) => t.replace('keys: [id18]', 'keys: []'),
      expected: [{ path: 'matching.blocking.0.keys', line: 19, message: /at least one key/ }],
    },
    {
      name: 'review at or above accept',
      edit: (t: string) => t.replace('review: 0.5', 'review: 0.95'),
      expected: [{ path: 'matching.thresholds.review', line: 23, message: /must be below accept/ }],
    },
    {
      name: 'a threshold outside (0, 1)',
      edit: (t: string) => t.replace('accept: 0.95', 'accept: 1'),
      expected: [{ path: 'matching.thresholds.accept', line: 23, message: /below 1/ }],
    },
    {
      name: 'an unknown comparison preset, listing the presets',
      edit: (t: string) => t.replace('chineseName,', 'name,'),
      expected: [{ path: 'matching.comparisons.1', line: 22, message: /not an allowed value/ }],
      allowed: 'chineseName',
    },
    {
      name: 'a comparison listed twice',
      edit: (t: string) => t.replace('birthDate, sex]', 'birthDate, birthDate]'),
      expected: [{ path: 'matching.comparisons.3', line: 22, message: /listed twice/ }],
    },
    {
      name: 'a pair budget that is not a positive whole number',
      edit: (t: string) => t.replace('pairBudget: 1000', 'pairBudget: 0'),
      expected: [{ path: 'matching.pairBudget', line: 17, message: /./ }],
    },
    {
      name: 'an unknown key in the section',
      edit: (t: string) => t.replace('  pairBudget: 1000', '  pairBugdet: 1000'),
      expected: [{ path: 'matching.pairBugdet', line: 17, message: /unknown key/ }],
    },
  ])('reports $name at its line', ({ edit, expected, allowed }) => {
    const got = problems(edit(base + matching))
    expect(got).toHaveLength(expected.length)
    expected.forEach((e, i) => {
      expect(got[i]?.path).toBe(e.path)
      expect(got[i]?.line).toBe(e.line)
      expect(got[i]?.message).toMatch(e.message)
    })
    if (allowed) expect(got[0]?.allowed).toContain(allowed)
  })

  it('the demo pipeline declares the seven Chinese-registry rules', () => {
    const m = loadPipeline('pipelines/demo.yaml').matching
    expect(m?.blocking.map((r) => r.keys)).toEqual([
      ['id18'],
      ['idPrefix15'],
      ['birthDate', 'fullNamePinyin'],
      ['idBirthDate', 'sex', 'surnamePinyin'],
      ['householdNo', 'givenName'],
      ['idRegion', 'surnamePinyin', 'givenPinyin', 'birthYear'],
      ['birthDate', 'sex', 'homeAddress'],
    ])
  })
})
