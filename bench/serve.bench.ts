/**
 * bidui serve case-list benchmark (issue 7): N cases (default 50,000) of one month written
 * through the real repository (replaceCasePeriod) into a scratch SQLite file, then pages of
 * the case list requested over HTTP with the token, filtered and sorted as a reviewer would:
 * first, middle and last pages. Reports ms per page (p50/p95/max) and the CPU per page of this
 * process (server and client share it), with the load average.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/serve.bench.js [cases=50000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { CasePeriodEntry } from '../src/cases/case-period-entry.js'
import { serveHandler } from '../src/serve/serve-handler.js'
import { replaceCasePeriod } from '../src/store/cases.repository.js'
import { openStore } from '../src/store/open-store.js'

const n = Number(process.argv[2] ?? 50000)
const dir = mkdtempSync(path.join(os.tmpdir(), 'bidui-serve-bench-'))
const checks = [
  ['missing-inflow', '流入漏管'],
  ['duplicate', '重复登记'],
  ['newlywed', '新婚漏管'],
  ['stale-death', '死亡未销户'],
  ['conflict', '信息不一致'],
] as const
const statuses = ['new', 'carried', 'carried', 'suppressed', 'closed', 'carried', 'new'] as const
const decisions = [null, null, null, 'confirmed', 'false-positive', 'fixed'] as const

function entry(i: number): CasePeriodEntry {
  const [checkId, checkName] = checks[i % checks.length] as (typeof checks)[number]
  return {
    key: `${checkId}:${(i * 2654435761).toString(16).padStart(16, '0').slice(-16)}`,
    checkId,
    checkName,
    community:
      i % 41 === 0
        ? null
        : `410105${String(1 + (i % 12)).padStart(3, '0')}${String(1 + (i % 7)).padStart(3, '0')}`,
    review: i % 9 === 0,
    reason: `公安暂住登记 姓名${i} (1990-01-01) 在全员人口库中未找到匹配记录`,
    status: statuses[i % statuses.length] as CasePeriodEntry['status'],
    evidence: `ev${i}`,
    decision: decisions[i % decisions.length] ?? null,
    decisionId: null,
    evidenceChanged: false,
    reopened: false,
    note: null,
  }
}

const store = await openStore(path.join(dir, 'bench.db'))
const scope = { pipeline: 'bench', county: '410105' }
const t0 = performance.now()
await replaceCasePeriod(
  store.db,
  { ...scope, period: '2026-09' },
  Array.from({ length: n }, (_, i) => entry(i + 1)),
  null,
  new Date(),
)
await replaceCasePeriod(
  store.db,
  { ...scope, period: '2026-10' },
  Array.from({ length: n }, (_, i) => entry(i)),
  '2026-09',
  new Date(),
)
const writeMs = performance.now() - t0
const token = 'bench'
const server = createServer(serveHandler({ db: store.db, token, store: 'bench.db' }))
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cases?period=2026-10&limit=50`

const filters = [
  '',
  '&status=carried',
  '&check=duplicate&status=new',
  '&community=410105003004',
  '&decision=none&review=1',
  '&sort=community&desc=1',
  '&sort=key',
  `&q=${encodeURIComponent('姓名4999')}`,
]
const times: number[] = []
const cpu0 = process.cpuUsage()
for (const f of filters) {
  const first = (await (await fetch(`${base}${f}`, { headers: { 'X-Bidui-Token': token } })).json()) as {
    total: number
  }
  const pages = Math.max(1, Math.ceil(first.total / 50))
  for (const page of [0, 1, Math.floor(pages / 2), pages - 1]) {
    for (let rep = 0; rep < 5; rep++) {
      const s = performance.now()
      const r = await fetch(`${base}${f}&page=${page}`, { headers: { 'X-Bidui-Token': token } })
      await r.json()
      times.push(performance.now() - s)
    }
  }
  process.stdout.write(`filter ${f || '(none)'}: ${first.total} cases, ${pages} pages\n`)
}
const cpu = process.cpuUsage(cpu0)
times.sort((a, b) => a - b)
const q = (p: number) =>
  (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number).toFixed(1)
process.stdout.write(
  `${n} cases/month, 2 months written in ${(writeMs / 1000).toFixed(1)} s\n` +
    `${times.length} page requests (50 rows): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${(times.at(-1) as number).toFixed(1)} ms wall; ` +
    `CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(1)} ms/page (user+sys, server and client)\n` +
    `loadavg ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
)
server.close()
await store.close()
rmSync(dir, { recursive: true, force: true })
