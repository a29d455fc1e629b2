import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CasePeriodEntry } from '../../src/cases/case-period-entry.js'
import { serveHandler } from '../../src/serve/serve-handler.js'
import { replaceCasePeriod } from '../../src/store/cases.repository.js'
import { openStore, type Store } from '../../src/store/open-store.js'

export const scope = { pipeline: 'demo', county: '410105' }

/** A case of the scratch store: check, community, reason naming a person with an ID. */
export function entry(i: number, over: Partial<CasePeriodEntry> = {}): CasePeriodEntry {
  const checks = [
    ['missing-inflow', '流入漏管'],
    ['duplicate', '重复登记'],
    ['newlywed', '新婚漏管'],
  ] as const
  const [checkId, checkName] = checks[i % 3] as (typeof checks)[number]
  return {
    key: `${checkId}:${i.toString(16).padStart(16, '0')}`,
    checkId,
    checkName,
    community: i % 5 === 0 ? null : `41010500100${i % 4}`,
    review: i % 7 === 0,
    reason: `公安暂住登记 测试${i} 41010519900101${String(1000 + (i % 9000)).padStart(4, '0')} 在全员人口库中未找到匹配记录`,
    status: i % 2 === 0 ? 'new' : 'carried',
    evidence: `ev${i}`,
    decision: null,
    decisionId: null,
    evidenceChanged: false,
    reopened: false,
    note: null,
    ...over,
  }
}

/** A store with `n` cases in 2026-10 (and fewer in 2026-09), served on a free loopback port. */
export async function startServe(n: number, token = 'test-token') {
  const store: Store = await openStore(':memory:')
  await replaceCasePeriod(
    store.db,
    { ...scope, period: '2026-09' },
    Array.from({ length: Math.floor(n / 2) }, (_, i) => entry(i)),
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
  const server: Server = createServer(serveHandler({ db: store.db, token, store: ':memory:' }))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    store,
    base,
    token,
    async close() {
      await new Promise<void>((r) => server.close(() => r()))
      await store.close()
    },
  }
}
