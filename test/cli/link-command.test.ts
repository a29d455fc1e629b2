import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryStore } from '../support/query-store.js'
import { runCli } from '../support/run-cli.js'

// Each test spawns the CLI on the demo month: seconds each, more on a loaded machine.
const demo = path.resolve('fixtures/demo')
let dir: string

function bidui(...args: string[]) {
  return runCli(dir, ...args)
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  return queryStore<T>(path.join(dir, 'x.db'), sql, ...params)
}

/** Each record of a period with its person: `file:line:role` (file by basename, period blanked) → person. */
function personsOf(period: string): Map<string, number> {
  const rows = query<{ path: string; line: number; role: string; person_id: number }>(
    `select f.path, r.line, r.role, rp.person_id from record_person rp
       join link_run lr on lr.id = rp.link_run_id join record r on r.id = rp.record_id
       join source_file f on f.id = r.file_id where lr.period = ?`,
    period,
  )
  return new Map(
    rows.map((r) => [`${path.basename(r.path).replace(period, 'P')}:${r.line}:${r.role}`, r.person_id]),
  )
}

// The demo month's exports, copied for two months (2026-10 and 2026-11, same content), with the
// demo pipeline reading them from the test folder; both months are ingested once for all tests.
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-link-'))
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10'))) {
    copyFileSync(path.join(demo, f), path.join(dir, f))
    copyFileSync(path.join(demo, f), path.join(dir, f.replace('2026-10', '2026-11')))
  }
  const text = readFileSync(path.resolve('pipelines/demo.yaml'), 'utf8').replaceAll(
    "'../fixtures/demo/",
    "'./",
  )
  writeFileSync(path.join(dir, 'demo.yaml'), text)
  for (const period of ['2026-10', '2026-11']) {
    const r = bidui('ingest', 'demo.yaml', '--period', period, '--db', 'x.db', '--json')
    expect(r.code, r.stderr).toBe(0)
  }
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui link', () => {
  it('links a month, stores every record’s person and the kept pairs, and prints the summary', () => {
    const r = bidui('link', 'demo.yaml', '--period', '2026-10', '--db', 'x.db')
    expect(r.code, r.stderr).toBe(0)
    for (const stage of ['load', 'link', 'persons', 'store'])
      expect(r.stderr).toMatch(new RegExp(`✓ ${stage}\\s`))
    const [records] = query<{ n: number }>(
      "select count(*) n from record r join source_file f on f.id = r.file_id where f.period = '2026-10'",
    )
    const [stored] = query<{ records: number; persons: number; pairs: number }>(
      `select (select count(*) from record_person) records,
              (select count(distinct person_id) from record_person) persons,
              (select count(*) from link_pair) pairs`,
    )
    expect(stored?.records).toBe(records?.n)
    expect(r.stdout).toMatch(new RegExp(`records 记录\\s+│ ${count(records?.n ?? 0)}\\s`))
    expect(r.stdout).toMatch(new RegExp(`persons 人员\\s+│ ${count(stored?.persons ?? 0)}\\s`))
    // A first linked month: every person is new.
    expect(r.stdout).toMatch(new RegExp(`new 新增\\s+│ ${count(stored?.persons ?? 0)}\\s`))
    expect(r.stdout).toContain('person IDs carried over from (none: first linked month)')
  })

  it('keeps accepted pairs with a probability at or above the accept threshold, review ones between', () => {
    const bands = new Map(
      query<{ band: string; n: number; lo: number; hi: number }>(
        'select band, count(*) n, min(probability) lo, max(probability) hi from link_pair group by band',
      ).map((b) => [b.band, b]),
    )
    // Whether the month has review pairs depends on the model; when it does, they sit between.
    expect([...bands.keys()].every((b) => b === 'accept' || b === 'review')).toBe(true)
    expect(bands.get('accept')?.lo).toBeGreaterThanOrEqual(0.95)
    const review = bands.get('review')
    if (review !== undefined) {
      expect(review.lo).toBeGreaterThanOrEqual(0.5)
      expect(review.hi).toBeLessThan(0.95)
    }
    const out = JSON.parse(bidui('link', 'demo.yaml', '--period', '2026-10', '--db', 'x.db', '--json').stdout)
    expect(bands.get('accept')?.n).toBe(out.accepted)
    expect(review?.n ?? 0).toBe(out.review)
    // One level per comparison of the pipeline (residentId, chineseName, birthDate, sex, homeAddress).
    const levels = query<{ levels: string }>('select levels from link_pair')
    expect(levels.every((l) => /^-?\d+(,-?\d+){4}$/.test(l.levels))).toBe(true)
  })

  it('reports expected errors that match the stored probabilities', () => {
    const r = bidui('link', 'demo.yaml', '--period', '2026-10', '--db', 'x.db', '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    const [sums] = query<{ accepted: number; falseLinks: number; review: number; trueInReview: number }>(
      `select sum(band = 'accept') accepted, sum(case when band = 'accept' then 1 - probability else 0 end) falseLinks,
              sum(band = 'review') review, sum(case when band = 'review' then probability else 0 end) trueInReview
       from link_pair`,
    )
    expect(out.expectedError.accepted.pairs).toBe(sums?.accepted)
    expect(out.expectedError.accepted.expectedFalse).toBeCloseTo(sums?.falseLinks ?? Number.NaN, 6)
    expect(out.expectedError.review.pairs).toBe(sums?.review)
    expect(out.expectedError.review.expectedTrue).toBeCloseTo(sums?.trueInReview ?? Number.NaN, 6)
    expect(out.accepted + out.review + out.expectedError.rejected.pairs).toBe(out.candidatePairs)
    const [stored] = query<{ expected_error: string }>('select expected_error from link_run')
    expect(JSON.parse(stored?.expected_error ?? 'null')).toEqual(out.expectedError)
  })

  it('linked again, replaces the month: nothing duplicated and every record keeps its person ID', () => {
    const before = personsOf('2026-10')
    const counts = () =>
      query<Record<string, number>>(
        `select (select count(*) from link_run) runs, (select count(*) from link_pair) pairs,
                (select count(*) from record_person) records, (select count(*) from person) persons,
                (select count(*) from person_event) events`,
      )[0]
    const was = counts()
    const r = bidui('link', 'demo.yaml', '--period', '2026-10', '--db', 'x.db', '--json')
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).replaced).toBe(true)
    expect(counts()).toEqual(was)
    expect(was?.runs).toBe(1)
    expect(personsOf('2026-10')).toEqual(before)
  })

  it('carries person IDs to the next month: a record in the same cluster keeps its person', () => {
    const r = bidui('link', 'demo.yaml', '--period', '2026-11', '--db', 'x.db', '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.previousPeriod).toBe('2026-10')
    const oct = personsOf('2026-10')
    const nov = personsOf('2026-11')
    expect(nov.size).toBe(oct.size)
    // Clusters as sets of records, per month; a record whose cluster is the same set keeps its ID.
    const clusters = (m: Map<string, number>) => {
      const byPerson = new Map<number, string[]>()
      for (const [k, p] of m) byPerson.set(p, [...(byPerson.get(p) ?? []), k])
      return new Map([...m].map(([k, p]) => [k, (byPerson.get(p) ?? []).sort().join(' ')]))
    }
    const octClusters = clusters(oct)
    const novClusters = clusters(nov)
    let unchanged = 0
    for (const [k, members] of novClusters) {
      if (octClusters.get(k) !== members) continue
      unchanged++
      expect(nov.get(k)).toBe(oct.get(k))
    }
    // The same exports in both months: nearly every record's cluster is unchanged.
    expect(unchanged).toBeGreaterThan(0.99 * nov.size)
    const st = out.personStatus
    expect(st.new + st.continuing + st.merged + st.split).toBe(out.persons)
    expect(st.continuing).toBeGreaterThan(0.99 * out.persons)
    // Nothing was minted for a continuing person.
    const [minted] = query<{ n: number }>("select count(*) n from person where first_period = '2026-11'")
    expect(minted?.n).toBe(st.new + st.split)
  })

  it('killed while storing, leaves one whole linkage of the month, never a part of one', async () => {
    const whole = () => {
      const [run] = query<{ id: number; accepted: number; review: number; records: number }>(
        "select id, accepted, review, records from link_run where period = '2026-10'",
      )
      const [stored] = query<{ pairs: number; persons: number; runs: number }>(
        `select (select count(*) from link_pair where link_run_id = ?) pairs,
                (select count(*) from record_person where link_run_id = ?) persons,
                (select count(*) from link_run where period = '2026-10') runs`,
        run?.id,
        run?.id,
      )
      expect(stored?.runs).toBe(1)
      expect(stored?.pairs).toBe((run?.accepted ?? -1) + (run?.review ?? 0))
      expect(stored?.persons).toBe(run?.records)
      return run?.id
    }
    const before = whole()
    const persons = personsOf('2026-10')
    // SIGKILL as soon as the persons stage reports, i.e. while the linkage is being written.
    const child = spawn(
      process.execPath,
      [path.resolve('dist/src/cli/main.js'), 'link', 'demo.yaml', '--period', '2026-10', '--db', 'x.db'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
    )
    let stderr = ''
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    )
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (stderr.includes('✓ persons')) child.kill('SIGKILL')
    })
    const signal = await exited
    // Either the kill came in time (the earlier linkage stays) or the run had finished (the new one).
    const after = whole()
    if (signal === 'SIGKILL' && !stderr.includes('✓ store')) expect(after).toBe(before)
    expect(personsOf('2026-10')).toEqual(persons)
  })

  it('refuses a month with no records, naming the ingest to run', () => {
    const r = bidui('link', 'demo.yaml', '--period', '2025-01', '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('LINK_NO_RECORDS')
    expect(r.stderr).toContain('bidui ingest demo.yaml --period 2025-01 --db x.db')
  })

  it('refuses a store that does not exist, without creating it', () => {
    const r = bidui('link', 'demo.yaml', '--period', '2026-10', '--db', 'none.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('STORE_OPEN_FAILED')
    expect(readdirSync(dir)).not.toContain('none.db')
  })
})

function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
