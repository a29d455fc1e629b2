import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Month } from '../../src/domain/month.js'
import { ingestPeriod } from '../../src/ingest/ingest-period.js'
import { recordFingerprints } from '../../src/match/record-fingerprint.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'
import {
  findLinkRun,
  findPreviousLinkRun,
  loadStoredLinkage,
  nextPersonNumber,
  type PeriodLinkage,
  personsByFingerprint,
  replaceLinkage,
} from '../../src/store/linkage.repository.js'
import { loadMatchRecords } from '../../src/store/match-records.repository.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import { startRun } from '../../src/store/runs.repository.js'
import { smallPipelineText, writeSmallExports } from '../support/small-exports.js'

let dir: string
let store: Store

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-linkage-'))
  store = await openStore(path.join(dir, 'x.db'))
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const q = { pipeline: 't', county: '410105', period: '2026-10' }

/**
 * A hand-made linkage of records 11, 12 (one person) and 13 (another): the pair 11–12 accepted,
 * 12–13 for review. `persons` are the numbers given; those ≥ firstNewPerson are new.
 */
async function linkage(over: Partial<PeriodLinkage> = {}): Promise<PeriodLinkage> {
  const period = over.period ?? q.period
  const runId = await startRun(store.db, { ...q, period, command: 'link', now: new Date(0) })
  return {
    ...q,
    period,
    runId,
    linkedAt: new Date('2026-11-01T00:00:00Z'),
    model: { thresholds: { accept: 0.95, review: 0.5 } },
    stats: {},
    expectedError: { accepted: { pairs: 1 } },
    files: [{ id: 1, sha256: 'abc' }],
    records: 3,
    candidatePairs: 5,
    pairs: {
      left: [11, 12],
      right: [12, 13],
      band: ['accept', 'review'],
      matchWeight: [20.5, 1.25],
      probability: [0.999, 0.7],
      levels: ['5,6,4,1', '0,2,4,1'],
    },
    recordPersons: {
      recordId: [11, 12, 13],
      personId: [1, 1, 2],
      fingerprint: ['s|subject|a', 's|subject|b', 's|subject|c'],
    },
    persons: [1, 2],
    firstNewPerson: 1,
    events: [],
    ...over,
  }
}

async function counts(): Promise<Record<string, number>> {
  const tables = ['link_run', 'link_pair', 'record_person', 'person', 'person_event'] as const
  const out: Record<string, number> = {}
  for (const t of tables) {
    const row = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[t] = Number(row.n)
  }
  return out
}

describe('storing a period’s linkage', () => {
  it('stores the run, its pairs with levels, each record’s person and the new persons', async () => {
    const id = await replaceLinkage(store, await linkage())
    const run = await findLinkRun(store.db, q)
    expect(run).toMatchObject({ id, accepted: 1, review: 1, persons: 2, records: 3, status: 'complete' })
    expect(JSON.parse(run?.expected_error ?? 'null')).toEqual({ accepted: { pairs: 1 } })
    const pairs = await store.db.selectFrom('link_pair').selectAll().orderBy('left_record_id').execute()
    expect(pairs).toEqual([
      {
        link_run_id: id,
        left_record_id: 11,
        right_record_id: 12,
        band: 'accept',
        match_weight: 20.5,
        probability: 0.999,
        levels: '5,6,4,1',
      },
      {
        link_run_id: id,
        left_record_id: 12,
        right_record_id: 13,
        band: 'review',
        match_weight: 1.25,
        probability: 0.7,
        levels: '0,2,4,1',
      },
    ])
    expect(await personsByFingerprint(store.db, id)).toEqual(
      new Map([
        ['s|subject|a', 1],
        ['s|subject|b', 1],
        ['s|subject|c', 2],
      ]),
    )
    expect(await nextPersonNumber(store.db)).toBe(3)
  })

  it('replaces the period’s linkage when stored again: nothing duplicated, persons kept', async () => {
    await replaceLinkage(store, await linkage())
    const before = await counts()
    // The same persons again (numbers below firstNewPerson are not created twice).
    const id = await replaceLinkage(store, await linkage({ firstNewPerson: 3 }))
    expect(await counts()).toEqual(before)
    expect((await findLinkRun(store.db, q))?.id).toBe(id)
  })

  it('logs merges and splits against the persons they name', async () => {
    await replaceLinkage(store, await linkage())
    const id = await replaceLinkage(
      store,
      await linkage({
        period: '2026-11',
        recordPersons: { recordId: [21, 22, 23], personId: [1, 1, 1], fingerprint: ['a', 'b', 'c'] },
        persons: [1],
        firstNewPerson: 3,
        events: [{ kind: 'merge', person: 1, other: 2, records: 1 }],
      }),
    )
    const events = await store.db.selectFrom('person_event').selectAll().execute()
    expect(events).toEqual([
      {
        id: expect.any(Number),
        link_run_id: id,
        kind: 'merge',
        person_id: 1,
        other_person_id: 2,
        records: 1,
      },
    ])
  })

  it('leaves the store as it was when storing fails half-way', async () => {
    await replaceLinkage(store, await linkage())
    const before = await counts()
    const run = await findLinkRun(store.db, q)
    // The last record's fingerprint is missing: the insert fails after the old linkage was
    // deleted and the new run, persons and pairs were written.
    const broken = await linkage({
      persons: [1, 2, 3],
      firstNewPerson: 3,
      recordPersons: {
        recordId: [11, 12, 13],
        personId: [1, 1, 3],
        fingerprint: ['a', 'b', null as unknown as string],
      },
    })
    await expect(replaceLinkage(store, broken)).rejects.toThrow()
    expect(await counts()).toEqual(before)
    expect(await findLinkRun(store.db, q)).toEqual(run)
  })

  it('refuses to give person numbers another run gave meanwhile, storing nothing', async () => {
    await replaceLinkage(store, await linkage())
    const before = await counts()
    const stale = await linkage({ period: '2026-11', persons: [2, 3], firstNewPerson: 2 })
    await expect(replaceLinkage(store, stale)).rejects.toMatchObject({ code: 'LINK_CONCURRENT_WRITE' })
    expect(await counts()).toEqual(before)
  })

  it('finds the latest linked period before a period, not the period itself or later ones', async () => {
    for (const period of ['2026-08', '2026-10', '2026-11']) {
      await replaceLinkage(store, await linkage({ period, firstNewPerson: await nextPersonNumber(store.db) }))
    }
    expect((await findPreviousLinkRun(store.db, { ...q, period: '2026-11' }))?.period).toBe('2026-10')
    expect((await findPreviousLinkRun(store.db, { ...q, period: '2026-10' }))?.period).toBe('2026-08')
    expect(await findPreviousLinkRun(store.db, { ...q, period: '2026-08' })).toBeUndefined()
    expect(
      await findPreviousLinkRun(store.db, { ...q, pipeline: 'other', period: '2026-11' }),
    ).toBeUndefined()
  })
})

describe('fingerprints read with the records', () => {
  it('equal recordFingerprints over every record’s full row and detail, in load order', async () => {
    const file = await writeSmallExports(dir)
    await ingestPeriod(store, parsePipelineText(smallPipelineText, file), { period: '2026-10' as Month })
    const loaded = await loadMatchRecords(store.db, { ...q, fingerprints: true })
    // The slow way the link once read them: every row's raw text and detail JSON, by record id.
    const rows = await store.db
      .selectFrom('record')
      .innerJoin('source_file', 'source_file.id', 'record.file_id')
      .select(['record.id', 'source_file.source', 'record.role', 'record.detail', 'record.raw'])
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    const expected = recordFingerprints(
      [...loaded.recordIds].map((id) => {
        const r = byId.get(id)!
        const detail = JSON.parse(r.detail) as { recordNo?: string; documentNo?: string }
        return {
          source: r.source,
          role: r.role,
          recordNo: detail.recordNo ?? null,
          documentNo: detail.documentNo ?? null,
          raw: r.raw,
        }
      }),
    )
    expect(loaded.fingerprints).toEqual(expected)
    // Both spouses of a marriage row carry its document number; police rows are keyed by their text.
    expect(loaded.fingerprints?.[0]).toMatch(/^civil-marriages\|husband\|documentNo:/)
    expect(loaded.fingerprints?.[2]).toMatch(/^police-changes\|subject\|(row|recordNo):/)
  })
})

describe('reading a stored linkage back', () => {
  it('gives each record’s person and the kept pairs, accepted first, and says when it is stale', async () => {
    await replaceLinkage(store, await linkage())
    const stored = await loadStoredLinkage(store.db, q)
    expect(stored?.personOfRecord).toEqual(
      new Map([
        [11, 1],
        [12, 1],
        [13, 2],
      ]),
    )
    expect(stored?.pairs.map((p) => [p.leftRecordId, p.rightRecordId, p.band])).toEqual([
      [11, 12, 'accept'],
      [12, 13, 'review'],
    ])
    // The hand-made linkage names a file (id 1) the period does not hold.
    expect(stored?.stale).toBe(true)
    expect(await loadStoredLinkage(store.db, { ...q, period: '2026-12' })).toBeUndefined()
  })

  it('is not stale while the period holds exactly the files it was linked from', async () => {
    await replaceLinkage(store, await linkage({ files: [] }))
    expect((await loadStoredLinkage(store.db, q))?.stale).toBe(false)
  })
})
