import { describe, expect, it } from 'vitest'
import { parseCaseDecision } from '../../src/cases/case-decision.js'
import { parseDecisionsCsv } from '../../src/cases/parse-decisions-csv.js'

describe('parseCaseDecision', () => {
  it.each([
    ['confirmed', 'confirmed'],
    [' False-Positive ', 'false-positive'],
    ['误报', 'false-positive'],
    ['属实', 'confirmed'],
    ['已修正', 'fixed'],
    ['fixd', null],
    ['', null],
  ])('%j → %j', (text, want) => {
    expect(parseCaseDecision(text)).toBe(want)
  })
})

describe('parseDecisionsCsv', () => {
  it('reads Chinese headers and words, a BOM, blank rows, and fills who from the default', () => {
    const r = parseDecisionsCsv(
      '\uFEFF案件编号,决定,决定人,备注\r\nduplicate:01,属实,王芳,\r\n\r\nconflict:02,误报,,"两人同名，非同一人"\r\n',
      'li',
    )
    expect(r).toEqual({
      ok: true,
      requests: [
        { line: 2, caseKey: 'duplicate:01', decision: 'confirmed', by: '王芳', note: null },
        { line: 4, caseKey: 'conflict:02', decision: 'false-positive', by: 'li', note: '两人同名，非同一人' },
      ],
    })
  })

  it('reads English headers in any order and case', () => {
    const r = parseDecisionsCsv('Note,Decision,Case\nok,fixed,stale-death:03\n', 'li')
    expect(r).toEqual({
      ok: true,
      requests: [{ line: 2, caseKey: 'stale-death:03', decision: 'fixed', by: 'li', note: 'ok' }],
    })
  })

  it('names the missing columns', () => {
    expect(parseDecisionsCsv('编号,结论\nx,属实\n', 'li')).toEqual({
      ok: false,
      missingColumns: ['案件编号', '决定'],
    })
  })

  it('reports every bad row with its line, not only the first', () => {
    const r = parseDecisionsCsv('案件编号,决定,备注\nx:1,误报,\n,属实,\nx:3,maybe,\nx:4,属实,\n', null)
    expect(r.ok).toBe(false)
    const problems = 'problems' in r ? r.problems : []
    expect(problems).toEqual([
      'line 2: no one named as deciding (give --by, or set $USER)',
      'line 2: a false positive needs a note saying why (--note, or the 备注 column)',
      'line 3: no case key',
      'line 3: no one named as deciding (give --by, or set $USER)',
      expect.stringMatching(
        /^line 4: decision "maybe" is not one of confirmed \(属实\), false-positive \(误报\), fixed \(已修正\), needs-visit \(需入户核查\)$/,
      ),
      'line 4: no one named as deciding (give --by, or set $USER)',
      'line 5: no one named as deciding (give --by, or set $USER)',
    ])
  })
})
