import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Case } from '../../src/reconcile/case.js'
import type { Check } from '../../src/reconcile/check.js'
import type { ReconcileRecord } from '../../src/reconcile/reconcile-input.js'
import { caseRow } from '../../src/report/case-rows.js'
import { countCases } from '../../src/report/case-summary.js'
import { writeCaseReports } from '../../src/report/write-case-reports.js'

function record(over: Partial<ReconcileRecord>): ReconcileRecord {
  return {
    source: 'register-persons',
    role: 'subject',
    fingerprint: 'register-persons|subject|1',
    file: 'r.csv',
    line: 2,
    residentId: { norm: '410105199001021234', status: 'valid', birthDate: '1990-01-02', sex: 'male' },
    name: '王丽',
    namePinyin: 'wang|li',
    formerName: null,
    sex: 'female',
    birthDate: '1990-01-02',
    birthDateStatus: 'valid',
    maritalStatus: null,
    householdNo: null,
    community: '410105001001',
    category: null,
    status: null,
    statusReason: null,
    eventType: null,
    eventDate: null,
    ...over,
  }
}

const records = [
  record({}),
  record({
    name: '=HYPERLINK("x")',
    residentId: { norm: null, status: 'missing', birthDate: null, sex: null },
    line: 3,
  }),
]

function kase(over: Partial<Case>): Case {
  return {
    key: 'invalid-id:0000000000000001',
    checkId: 'invalid-id',
    checkName: '身份证号错误',
    kind: 'invalid',
    review: false,
    community: '410105001001',
    communityBy: 'record',
    records: [
      {
        index: 0,
        part: 'subject',
        source: 'register-persons',
        role: 'subject',
        ref: 'r.csv:2:subject',
        fingerprint: 'f',
      },
    ],
    probability: null,
    levels: null,
    differences: [],
    problems: ['id-status'],
    reason: '全员人口库 王丽：身份证号校验位错误',
    ...over,
  }
}

const checks: Check[] = [
  {
    id: 'invalid-id',
    name: '身份证号错误',
    label: 'invalid resident ID',
    kind: 'invalid',
    target: [{}],
    idStatuses: ['bad_check_digit'],
    problems: ['id-status'],
  },
  { id: 'duplicate', name: '重复建档', label: 'duplicate record', kind: 'duplicate', of: [{}] },
]

const ctx = { records, communityNames: new Map([['410105001001', '文化路社区']]), maskIds: true }

describe('case rows', () => {
  it('shows the community by name, 未能定位 without one, and the ID masked', () => {
    const row = caseRow(kase({}), ctx)
    expect(row.slice(0, 8)).toEqual([
      'invalid-id:0000000000000001',
      '身份证号错误',
      '否',
      '410105001001',
      '文化路社区',
      '全员人口库 王丽：身份证号校验位错误',
      '王丽',
      '410105********1234',
    ])
    expect(row[8]).toBe('核查对象 王丽 410105********1234 r.csv:2:subject')
    expect(caseRow(kase({ community: null, review: true }), ctx).slice(2, 5)).toEqual(['是', '', '未能定位'])
    expect(caseRow(kase({}), { ...ctx, maskIds: false })[7]).toBe('410105199001021234')
  })

  it('prints the deciding probability to three places', () => {
    expect(caseRow(kase({ probability: 0.87654, levels: '-1,3' }), ctx).slice(9)).toEqual(['0.877', '-1,3'])
  })
})

describe('writing the case reports', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bidui-cases-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const cases = [
    kase({}),
    kase({
      key: 'invalid-id:0000000000000002',
      records: [
        {
          index: 1,
          part: 'subject',
          source: 'register-persons',
          role: 'subject',
          ref: 'r.csv:3:subject',
          fingerprint: 'g',
        },
      ],
      reason: '+1 待查',
      levels: '-1,3',
      community: null,
    }),
  ]

  it('writes every file, a check without cases as a header only, and no temporary file left', () => {
    const counts = countCases(cases, checks)
    expect(counts).toEqual([
      {
        id: 'invalid-id',
        name: '身份证号错误',
        label: 'invalid resident ID',
        cases: 2,
        review: 0,
        noCommunity: 1,
      },
      { id: 'duplicate', name: '重复建档', label: 'duplicate record', cases: 0, review: 0, noCommunity: 0 },
    ])
    const out = writeCaseReports(dir, cases, checks, ctx, {
      pipeline: 'demo',
      county: '410105',
      period: '2026-10',
      checks: counts,
      total: { cases: 2, review: 0, noCommunity: 1 },
      idsMasked: true,
    })
    expect(readdirSync(dir).sort()).toEqual([
      'cases-duplicate.csv',
      'cases-invalid-id.csv',
      'cases.csv',
      'summary.json',
    ])
    expect(out.perCheck.map((p) => path.basename(p.file))).toEqual([
      'cases-invalid-id.csv',
      'cases-duplicate.csv',
    ])
    const dup = readFileSync(path.join(dir, 'cases-duplicate.csv'), 'utf8')
    expect(dup.startsWith('\uFEFF案件编号,')).toBe(true)
    expect(dup.trim().split('\r\n')).toHaveLength(1)
    expect(JSON.parse(readFileSync(out.summary, 'utf8')).total).toEqual({
      cases: 2,
      review: 0,
      noCommunity: 1,
    })
  })

  it('escapes cells that would run as formulas: a name, a reason, comparison levels', () => {
    writeCaseReports(dir, cases, checks, ctx, {
      pipeline: 'demo',
      county: '410105',
      period: '2026-10',
      checks: [],
      total: { cases: 2, review: 0, noCommunity: 1 },
      idsMasked: true,
    })
    const rows = Papa.parse<string[]>(readFileSync(path.join(dir, 'cases.csv'), 'utf8').slice(1), {
      skipEmptyLines: true,
    }).data
    const row = rows[2] ?? []
    expect(row[5]).toBe("'+1 待查")
    expect(row[6]).toBe(`'=HYPERLINK("x")`)
    expect(row[10]).toBe("'-1,3")
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})
