import { describe, expect, it } from 'vitest'
import { PipelineInvalidError } from '../../src/errors/pipeline-errors.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'

// A plain list of people from outside China: no jurisdiction, attributes only.
const base = `version: 1
name: people
attributes:
  rec_id: text
  surname: text
  postcode: digits
  dob: date
sources:
  - name: left
    agency: other
    kind: person
    files: [left.csv]
    columns: { attr.rec_id: rec_id, attr.surname: surname, attr.postcode: postcode, attr.dob: dob }
  - name: right
    agency: other
    kind: person
    files: [right.csv]
    columns: { attr.rec_id: rec_id, attr.surname: surname, attr.postcode: postcode, attr.dob: dob }
matching:
  linkType: link
  blocking:
    - { name: postcode, keys: [attr.postcode] }
    - { name: surname start, keys: ['attr.surname:first3', 'attr.dob:first4'] }
  comparisons:
    - { attribute: surname, levels: [exact, levenshtein: 2], termFrequency: true }
    - { attribute: dob, name: birth, levels: [exact, dayMonthSwapped, withinDays: 31, prefix: 7] }
evaluation:
  truthAttribute: rec_id
  pattern: '^rec-(\\d+)-'
`

function problems(text: string) {
  try {
    parsePipelineText(text, '/p/people.yaml', 'people.yaml')
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

describe('attributes in a pipeline', () => {
  it('resolves attributes, attribute columns, keys, comparisons, link type and truth', () => {
    const p = parsePipelineText(base, '/p/people.yaml')
    expect(p.jurisdiction.county).toBe('000000')
    expect(p.attributes).toEqual([
      { name: 'rec_id', normalizer: 'text' },
      { name: 'surname', normalizer: 'text' },
      { name: 'postcode', normalizer: 'digits' },
      { name: 'dob', normalizer: 'date' },
    ])
    expect(p.sources[0]?.agency).toBe('other')
    expect(p.sources[0]?.columns[1]).toMatchObject({
      key: 'attr.surname',
      header: 'surname',
      field: { scope: 'attribute', name: 'surname' },
    })
    expect(p.matching?.linkType).toBe('link')
    expect(p.matching?.blocking[1]?.keys).toEqual(['attr.surname:first3', 'attr.dob:first4'])
    expect(p.matching?.comparisons).toEqual([
      {
        name: 'surname',
        attribute: 'surname',
        termFrequency: true,
        levels: [{ kind: 'exact' }, { kind: 'levenshtein', max: 2 }],
      },
      {
        name: 'birth',
        attribute: 'dob',
        termFrequency: false,
        levels: [
          { kind: 'exact' },
          { kind: 'dayMonthSwapped' },
          { kind: 'withinDays', days: 31 },
          { kind: 'prefix', length: 7 },
        ],
      },
    ])
    expect(p.evaluation).toEqual({ truthAttribute: 'rec_id', pattern: '^rec-(\\d+)-' })
  })

  it('defaults the link type to every pair, as before link types', () => {
    expect(parsePipelineText(base.replace('  linkType: link\n', ''), '/p/x.yaml').matching?.linkType).toBe(
      'linkAndDedupe',
    )
  })

  it.each([
    {
      name: 'an undeclared attribute column, with the keys allowed',
      edit: (t: string) =>
        t.replace(
          'attr.postcode: postcode, attr.dob: dob }\n  - name: right',
          'attr.post: postcode, attr.dob: dob }\n  - name: right',
        ),
      expected: [
        {
          path: 'sources.0.columns.attr.post',
          line: 13,
          message: /not a declared attribute/,
          allowed: 'attr.postcode',
        },
      ],
    },
    {
      name: 'a bad normalizer',
      edit: (t: string) => t.replace('postcode: digits', 'postcode: numbers'),
      expected: [
        { path: 'attributes.postcode', line: 6, message: /not an allowed value/, allowed: 'digits' },
      ],
    },
    {
      name: 'a malformed attribute key, listing the key forms',
      edit: (t: string) => t.replace('[attr.postcode]', '[attr.postcode:first0]'),
      expected: [
        {
          path: 'matching.blocking.0.keys.0',
          line: 22,
          message: /not a blocking key/,
          allowed: 'attr.<name>:first<n>',
        },
      ],
    },
    {
      name: 'the truth attribute in a blocking rule',
      edit: (t: string) => t.replace('[attr.postcode]', '[attr.rec_id]'),
      expected: [{ path: 'matching.blocking.0.keys.0', line: 22, message: /truth attribute/ }],
    },
    {
      name: 'the truth attribute in a comparison',
      edit: (t: string) => t.replace('attribute: surname,', 'attribute: rec_id,'),
      expected: [{ path: 'matching.comparisons.0.attribute', line: 25, message: /truth attribute/ }],
    },
    {
      name: 'a comparison over an attribute no source maps',
      edit: (t: string) => t.replace('attribute: surname,', 'attribute: email,'),
      expected: [
        { path: 'matching.comparisons.0.attribute', line: 25, message: /no source maps/, allowed: 'surname' },
      ],
    },
    {
      name: 'a term-frequency adjustment without an exact level',
      edit: (t: string) =>
        t.replace(
          'levels: [exact, levenshtein: 2], termFrequency',
          'levels: [levenshtein: 2], termFrequency',
        ),
      expected: [{ path: 'matching.comparisons.0.termFrequency', line: 25, message: /list exact/ }],
    },
    {
      name: 'an unknown level, listing the level kinds',
      edit: (t: string) => t.replace('[exact, levenshtein: 2]', '[exactly, levenshtein: 2]'),
      expected: [
        {
          path: 'matching.comparisons.0.levels.0',
          line: 25,
          message: /not an allowed value/,
          allowed: 'dayMonthSwapped',
        },
      ],
    },
    {
      name: 'a link type of one source',
      edit: (t: string) => t.slice(0, t.indexOf('  - name: right')) + t.slice(t.indexOf('matching:')),
      expected: [{ path: 'matching.linkType', line: 15, message: /one source/ }],
    },
    {
      name: 'a truth pattern that is no regular expression',
      edit: (t: string) => t.replace('(\\d+)-', '(\\d+-'),
      expected: [{ path: 'evaluation.pattern', line: 29, message: /not a regular expression/ }],
    },
  ])('reports $name at its line', ({ edit, expected }) => {
    const got = problems(edit(base))
    expect(got).toHaveLength(expected.length)
    expected.forEach((e, i) => {
      expect(got[i]?.path).toBe(e.path)
      expect(got[i]?.line).toBe(e.line)
      expect(got[i]?.message).toMatch(e.message)
      if ('allowed' in e && e.allowed) expect(got[i]?.allowed).toContain(e.allowed)
    })
  })
})
