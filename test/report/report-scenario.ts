import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseChecks } from '../../src/pipeline/checks-schema.js'
import type { Case } from '../../src/reconcile/case.js'
import type { Check } from '../../src/reconcile/check.js'
import { reconcile } from '../../src/reconcile/reconcile.js'
import type { ReconcileInput } from '../../src/reconcile/reconcile-input.js'
import { buildPeriodReport, type PeriodReport } from '../../src/report/period-report.js'
import type { PreviousCounts } from '../../src/report/previous-counts.js'
import type { ReportLang } from '../../src/report/report-lang.js'
import { demoSources, input, rec, validId } from '../reconcile/build-input.js'

/** The standard checks (pipelines/monthly.yaml, which demo.yaml includes), as bidui run uses them. */
export const standardChecks: Check[] = (() => {
  const file = parse(readFileSync(new URL('../../pipelines/monthly.yaml', import.meta.url), 'utf8'))
  const parsed = parseChecks(file.checks, demoSources)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.checks
})()

export const C1 = '410105001001'
export const C2 = '410105001002'
export const communities = [
  { code: C1, name: '文化路社区' },
  { code: C2, name: '花园路社区' },
]
export const period = '2026-10'

/** A whole ID the reports must mask by default. */
export const zhaoId = validId('410105', '1960-06-24', '200')
export const hostileNames = [
  '=HYPERLINK("http://evil.example/x","点我")',
  '+1 王',
  '@SUM(A1)',
  '<script>alert(1)</script>',
]

/**
 * A small month: hostile names on records with no ID (身份证号错误), a death and a conflict on one
 * register record, an inflow woman not in the register (流入漏管, 未能定位), and married women of
 * childbearing age in the register (coverage).
 */
export function scenarioInput(): ReconcileInput {
  const noId = { norm: null, status: 'missing' as const, birthDate: null, sex: null }
  const records = [
    ...hostileNames.map((name, i) =>
      rec({ source: 'register-persons', line: 10 + i, id: noId, name, community: i % 2 === 0 ? C1 : C2 }),
    ),
    rec({
      source: 'register-persons',
      line: 85,
      id: zhaoId,
      name: '赵丽',
      birthDate: '1960-06-24',
      sex: 'male',
      status: 'active',
      community: C2,
      dwelling: '金水区花园路8号院3号楼2单元401',
    }),
    rec({
      source: 'police-snapshot',
      line: 85,
      id: zhaoId,
      name: '赵丽',
      birthDate: '1960-06-24',
      sex: 'female',
      status: 'cancelled',
      statusReason: '死亡',
    }),
    rec({
      source: 'police-temporary',
      line: 2,
      name: '丁秀英',
      id: validId('370225', '1996-05-22', '742'),
      maritalStatus: 'married',
      eventDate: '2026-04-01',
    }),
    ...[0, 1, 2].map((i) =>
      rec({
        source: 'register-persons',
        line: 100 + i,
        name: `王芳${i}`,
        id: validId('410105', `199${i}-03-1${i}`, `10${2 * i}`),
        sex: 'female',
        maritalStatus: 'married',
        status: 'active',
        community: C1,
      }),
    ),
  ]
  return input(records, [[4, 5]], [{ left: 0, right: 8, band: 'review', probability: 0.6 }])
}

export function scenarioCases(inp: ReconcileInput = scenarioInput()): Case[] {
  return reconcile(inp, standardChecks, { period })
}

export function scenarioReport(
  over: { maskIds?: boolean; lang?: ReportLang; previous?: PreviousCounts | null } = {},
): { report: PeriodReport; cases: Case[]; input: ReconcileInput } {
  const inp = scenarioInput()
  const cases = scenarioCases(inp)
  const report = buildPeriodReport({
    pipeline: 'demo',
    county: '410105',
    jurisdiction: '金水区',
    period,
    lang: over.lang ?? 'zh',
    checks: standardChecks,
    communities,
    input: inp,
    cases,
    maskIds: over.maskIds ?? true,
    previous: over.previous ?? null,
  })
  return { report, cases, input: inp }
}
