import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDecisionLog } from '../../src/store/cases.repository.js'
import { scope, startServe } from './serve-fixture.js'

let s: Awaited<ReturnType<typeof startServe>>
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test, read field by field
type Json = any
const json = async (r: Response): Promise<Json> => r.json()
const get = (path: string, token: string | null = s.token) =>
  fetch(s.base + path, token === null ? {} : { headers: { 'X-Bidui-Token': token } })
const decide = (body: object) =>
  fetch(`${s.base}/api/decide`, {
    method: 'POST',
    headers: { 'X-Bidui-Token': s.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  s = await startServe(300)
})
afterAll(async () => s.close())

describe('bidui serve API', () => {
  it('refuses the page, assets and API without the token, or with a wrong one', async () => {
    for (const path of ['/', '/assets/app.js', '/api/cases', '/api/trend.svg']) {
      expect((await get(path, null)).status).toBe(401)
      expect((await get(path, 'test-tokeX')).status).toBe(401)
    }
    expect((await get('/api/cases')).status).toBe(200)
  })

  it('sets an HttpOnly cookie from ?token= and accepts it afterwards; every answer has a CSP', async () => {
    const first = await fetch(`${s.base}/?token=${s.token}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'")
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string
    expect(first.headers.get('set-cookie')).toContain('HttpOnly')
    const again = await fetch(`${s.base}/assets/app.js`, { headers: { Cookie: cookie } })
    expect(again.status).toBe(200)
    expect(await again.text()).not.toMatch(/https?:\/\//)
  })

  it('filters, counts and paginates in SQL, and masks ID numbers', async () => {
    const all = await json(await get('/api/cases?period=2026-10&limit=50&page=0'))
    expect(all.total).toBe(300)
    expect(all.rows).toHaveLength(50)
    const page6 = await json(await get('/api/cases?period=2026-10&limit=50&page=5'))
    expect(page6.rows).toHaveLength(50)
    expect(new Set([...all.rows, ...page6.rows].map((r: { key: string }) => r.key)).size).toBe(100)
    const dup = await json(await get('/api/cases?period=2026-10&check=duplicate&status=new&limit=200'))
    // i % 3 === 1 (duplicate) and i even (new): i ≡ 4 (mod 6) below 300.
    expect(dup.total).toBe(50)
    expect(
      dup.rows.every(
        (r: { checkId: string; status: string }) => r.checkId === 'duplicate' && r.status === 'new',
      ),
    ).toBe(true)
    const unlocated = await json(await get('/api/cases?period=2026-10&community=-'))
    expect(unlocated.total).toBe(60)
    const byName = await json(await get(`/api/cases?q=${encodeURIComponent('测试123 ')}`))
    expect(byName.rows.map((r: { key: string }) => r.key)).toEqual(['missing-inflow:000000000000007b']) // 123 % 3 === 0
    expect(byName.rows[0].reason).toContain('410105********')
    expect(byName.rows[0].reason).not.toMatch(/\d{18}/)
    const bad = await get('/api/cases?status=open&sort=name')
    expect(bad.status).toBe(400)
    expect((await json(bad)).message).toMatch(/status open.*sort name/)
  })

  it('records a decision through the audit log; the reloaded case shows it; a stale second reviewer gets 409', async () => {
    const key = 'duplicate:0000000000000001'
    const view = await json(await get(`/api/case?key=${key}&period=2026-10`))
    expect(view.decision).toBeNull()
    expect(view.history.map((h: { period: string }) => h.period)).toEqual(['2026-09', '2026-10'])
    // Months tracked without evidence (before migration 0006): none, and no waterfall to draw.
    expect(view.evidence).toBeNull()
    expect((await get(`/api/waterfall.svg?key=${key}&period=2026-10`)).status).toBe(404)
    const seen = view.latestDecisionId
    const [a, b] = await Promise.all([
      decide({
        key,
        period: '2026-10',
        decision: 'needs-visit',
        by: '王芳',
        note: '',
        expectedDecisionId: seen,
      }),
      decide({
        key,
        period: '2026-10',
        decision: 'confirmed',
        by: '李娜',
        note: '',
        expectedDecisionId: seen,
      }),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    const body = await json(loser)
    expect(body.error).toBe('CASE_DECISION_CONFLICT')
    expect(body.message).toMatch(/already decided by someone else.*\n.* by (王芳|李娜) at /)
    const log = await readDecisionLog(s.store.db, scope, key)
    expect(log).toHaveLength(1)
    expect(log[0]?.via).toBe('serve')
    const reloaded = await json(await get(`/api/case?key=${key}&period=2026-10`))
    expect(reloaded.decisions.map((d: { by: string }) => d.by)).toEqual([log[0]?.decided_by])
    expect(reloaded.latestDecisionId).toBe(log[0]?.id)
    // Deciding again against what the reload showed is accepted.
    const third = await decide({
      key,
      period: '2026-10',
      decision: 'fixed',
      by: '王芳',
      note: '',
      expectedDecisionId: reloaded.latestDecisionId,
    })
    expect(third.status).toBe(200)
    // The list shows it as pending: the month's snapshot changes only with the next run.
    const listed = await json(await get(`/api/cases?q=${encodeURIComponent(key)}`))
    expect(listed.rows.map((r: Json) => [r.key, r.decision, r.pendingDecision])).toEqual([
      [key, null, 'fixed'],
    ])
  })

  it('refuses a false positive without a note, and a decision without a reviewer, recording nothing', async () => {
    const key = 'missing-inflow:0000000000000003'
    const r = await decide({
      key,
      period: '2026-10',
      decision: 'false-positive',
      by: '',
      note: '',
      expectedDecisionId: null,
    })
    expect(r.status).toBe(400)
    expect((await json(r)).message).toMatch(/no one named.*false positive needs a note/)
    expect(await readDecisionLog(s.store.db, scope, key)).toHaveLength(0)
  })

  it('answers an unknown case key with 404', async () => {
    const r = await decide({
      key: 'duplicate:ffffffffffffffff',
      period: '2026-10',
      decision: 'confirmed',
      by: 'x',
      note: '',
      expectedDecisionId: null,
    })
    expect(r.status).toBe(404)
  })
})
