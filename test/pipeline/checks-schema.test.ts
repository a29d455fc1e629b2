import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { RecordKind } from '../../src/domain/record-kind.js'
import { type CheckedSource, parseChecks } from '../../src/pipeline/checks-schema.js'

const demo = parse(readFileSync(new URL('../../pipelines/demo.yaml', import.meta.url), 'utf8')) as {
  sources: { name: string; kind: RecordKind }[]
}
const demoSources: CheckedSource[] = demo.sources.map((s) => ({ name: s.name, kind: s.kind }))

function issuesOf(value: unknown) {
  const parsed = parseChecks(value, demoSources)
  return parsed.ok ? [] : parsed.issues
}

const stale = {
  id: 'stale-death',
  name: '死亡未注销',
  label: 'death not recorded',
  kind: 'stale',
  target: { sources: ['register-persons'], statuses: ['active'] },
  evidence: { sources: ['civil-deaths'] },
}

describe('the standard checks file', () => {
  it('declares the eight standard checks over the demo pipeline’s sources, valid', () => {
    const file = parse(readFileSync(new URL('../../pipelines/monthly.yaml', import.meta.url), 'utf8'))
    const parsed = parseChecks(file.checks, demoSources)
    expect(parsed.ok ? [] : parsed.issues).toEqual([])
    if (!parsed.ok) return
    expect(parsed.checks.map((c) => c.name)).toEqual([
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
    expect(parsed.checks.map((c) => c.kind)).toEqual([
      'missing',
      'missing',
      'missing',
      'duplicate',
      'conflict',
      'stale',
      'stale',
      'invalid',
    ])
  })
})

describe('parseChecks', () => {
  it('resolves a single filter to a list and fills defaults', () => {
    const parsed = parseChecks(
      [
        stale,
        {
          id: 'invalid-id',
          name: '身份证号错误',
          label: 'invalid ID',
          kind: 'invalid',
          target: { sources: ['register-persons'] },
        },
      ],
      demoSources,
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const [s, inv] = parsed.checks
    expect(s?.kind === 'stale' && s.evidence).toEqual([{ sources: ['civil-deaths'] }])
    expect(s?.kind === 'stale' && s.revokedBy).toEqual([])
    expect(inv?.kind === 'invalid' && inv.idStatuses).toEqual([
      'bad_check_digit',
      'excel_truncated',
      'malformed',
    ])
  })

  it('names an unknown kind and lists the kinds', () => {
    expect(issuesOf([{ ...stale, kind: 'stale-ish' }])).toEqual([
      {
        path: ['checks', 0, 'kind'],
        message: 'not an allowed check kind',
        allowed: ['missing', 'duplicate', 'conflict', 'stale', 'invalid'],
      },
    ])
  })

  it('rejects a filter key outside the vocabulary, pointing at the key', () => {
    expect(issuesOf([{ ...stale, evidence: { sources: ['civil-deaths'], hospital: 'x' } }])).toEqual([
      { path: ['checks', 0, 'evidence', 'hospital'], message: 'unknown key "hospital"', atKey: true },
    ])
  })

  it('lists the allowed values of a closed set', () => {
    const issues = issuesOf([{ ...stale, evidence: { eventTypes: ['funeral'] } }])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toEqual(['checks', 0, 'evidence', 'eventTypes', 0])
    expect(issues[0]?.allowed).toContain('death')
  })

  it('rejects an age range whose minimum is above its maximum', () => {
    const issues = issuesOf([{ ...stale, evidence: { age: { min: 50, max: 15 } } }])
    expect(issues.map((i) => i.message)).toEqual(['age min is above max'])
  })

  it('reports every cross-field problem at once: unknown source, role of another kind, repeated id', () => {
    const issues = issuesOf([
      { ...stale, target: { sources: ['register-people'] } },
      { ...stale, name: '死亡未注销2', evidence: { sources: ['civil-deaths'], roles: ['wife'] } },
    ])
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['checks.0.target.0.sources.0', 'no source is named "register-people"'],
      ['checks.1.id', 'check id "stale-death" is used twice'],
      ['checks.1.evidence.0.roles.0', 'no record of civil-deaths has role "wife"'],
    ])
    expect(issues[0]?.allowed).toContain('register-persons')
  })

  it('rejects a conflict check without fields or with a field twice', () => {
    const conflict = {
      id: 'conflict',
      name: '信息不一致',
      label: 'conflict',
      kind: 'conflict',
      target: { sources: ['register-persons'] },
      authority: { sources: ['police-snapshot'] },
    }
    expect(issuesOf([{ ...conflict, fields: [] }]).map((i) => i.message)).toEqual(['list at least one field'])
    expect(
      issuesOf([{ ...conflict, fields: [{ field: 'sex' }, { field: 'sex' }] }]).map((i) => i.message),
    ).toEqual(['field "sex" is listed twice'])
  })

  it('accepts unlessRaisedBy naming an earlier check only', () => {
    const conflict = {
      id: 'conflict',
      name: '信息不一致',
      label: 'conflict',
      kind: 'conflict',
      target: { sources: ['register-persons'] },
      authority: { sources: ['police-snapshot'] },
      fields: [{ field: 'maritalStatus', unlessRaisedBy: ['stale-death'] }],
    }
    expect(issuesOf([stale, conflict])).toEqual([])
    const issues = issuesOf([conflict, stale])
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['checks.0.fields.0.unlessRaisedBy.0', '"stale-death" is not the id of a check listed before this one'],
    ])
  })
})
