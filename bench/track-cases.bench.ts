/**
 * Case tracking benchmark (issue 5): the step `bidui run` adds after reconcile — evidence
 * fingerprints, statuses against last month, the month's snapshot replaced in a SQLite file —
 * on N synthetic one-record cases, three months (first month, next month all carried, that month
 * re-run). CPU per case is the figure to read; wall time moves with other people's load.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/track-cases.bench.js [cases=10000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { trackPeriodCases } from '../src/pipeline/track-period-cases.js'
import type { Case } from '../src/reconcile/case.js'
import type { ReconcileRecord } from '../src/reconcile/reconcile-input.js'
import { openStore } from '../src/store/open-store.js'

const n = Number(process.argv[2] ?? 10000)
const dir = mkdtempSync(path.join(os.tmpdir(), 'bidui-track-bench-'))
const records: ReconcileRecord[] = []
const cases: Case[] = []
for (let i = 0; i < n; i++) {
  const fingerprint = `register-persons|subject|recordNo:JS${i}`
  records.push({
    source: 'register-persons',
    role: 'subject',
    fingerprint,
    file: 'register-persons.csv',
    line: i + 2,
    residentId: { norm: null, status: 'missing', birthDate: null, sex: null },
    name: '王丽',
    namePinyin: 'wang|li',
    formerName: null,
    sex: 'female',
    birthDate: '1990-01-02',
    birthDateStatus: 'valid',
    maritalStatus: 'married',
    householdNo: null,
    community: '410105001001',
    category: null,
    status: 'active',
    statusReason: null,
    eventType: null,
    eventDate: null,
  })
  cases.push({
    key: `invalid-id:${i.toString(16).padStart(16, '0')}`,
    checkId: 'invalid-id',
    checkName: '身份证号错误',
    kind: 'invalid',
    review: false,
    community: '410105001001',
    communityBy: 'record',
    records: [
      {
        index: i,
        part: 'subject',
        source: 'register-persons',
        role: 'subject',
        ref: `r:${i + 2}:subject`,
        fingerprint,
      },
    ],
    probability: null,
    levels: null,
    differences: [],
    problems: ['id-status'],
    reason: '全员人口库 王丽：身份证号缺失',
  })
}
const store = await openStore(path.join(dir, 'x.db'))
try {
  for (const period of ['2026-10', '2026-11', '2026-11']) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = await trackPeriodCases(
      store.db,
      { pipeline: 'bench', county: '410105', period },
      {
        cases,
        records,
        thresholds: { accept: 0.95, review: 0.5 },
        checkIds: ['invalid-id'],
        now: () => new Date(),
      },
    )
    const cpu = process.cpuUsage(cpu0)
    const cpuMs = (cpu.user + cpu.system) / 1000
    console.log(
      `${period}: ${n} cases (${r.summary.new} new, ${r.summary.carried} carried) · wall ${(performance.now() - t0).toFixed(0)} ms · ` +
        `CPU ${cpuMs.toFixed(0)} ms = ${((cpuMs * 1000) / n).toFixed(1)} µs/case`,
    )
  }
} finally {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}
console.log(
  `load average: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
