import path from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Month } from '../../src/domain/month.js'
import { createRng } from '../../src/generate/create-rng.js'
import { ingestPeriod } from '../../src/ingest/ingest-period.js'
import { blockPairs } from '../../src/match/blocking.js'
import type { MatchRecord } from '../../src/match/comparison.js'
import { linkRecords } from '../../src/match/link-period.js'
import { namedComparison } from '../../src/match/named-comparison.js'
import { prepareRecords } from '../../src/match/prepare-records.js'
import {
  mapRecords,
  RecordColumnsBuilder,
  recordCount,
  recordReader,
  toRecordColumns,
  toRecordObjects,
} from '../../src/match/record-columns.js'
import { loadPipeline } from '../../src/pipeline/load-pipeline.js'
import type { Pipeline } from '../../src/pipeline/pipeline.js'
import { type LoadedMatchRecords, loadMatchRecords } from '../../src/store/match-records.repository.js'
import { openStore, type Store } from '../../src/store/open-store.js'

describe('record columns', () => {
  const value = fc.option(fc.constantFrom('', '王丽', '王莉', 'wang|li', '1990-01-02', 'x'), { nil: null })
  const record = fc.record({ a: value, b: value, c: value }, { requiredKeys: [] })
  test.prop([fc.array(record, { maxLength: 40 })])(
    'read back every field as given, an absent one as null',
    (records: MatchRecord[]) => {
      const columns = toRecordColumns(records, ['a', 'b', 'c'])
      expect(recordCount(columns)).toBe(records.length)
      expect(toRecordObjects(columns)).toEqual(
        records.map((r) => ({ a: r.a ?? null, b: r.b ?? null, c: r.c ?? null })),
      )
      // Each distinct value is kept once per field.
      const distinct = new Set(records.map((r) => r.a).filter((v) => v !== null && v !== undefined))
      expect(columns.dictionaries[0]).toHaveLength(distinct.size)
    },
  )
})

describe('RecordColumnsBuilder', () => {
  it('stops interning a field whose values hardly repeat, and reads every value back as given', () => {
    const fields = ['id', 'sex']
    const builder = new RecordColumnsBuilder(fields, 16)
    const n = 70_000
    for (let i = 0; i < n; i++)
      builder.push([`id${i % 60_000}`, i % 3 === 0 ? null : i % 2 === 0 ? 'male' : 'female'])
    const columns = builder.build()
    // Two sexes, kept once each. IDs: interned over the first 65,536 records (60,000 distinct,
    // not worth a Map), then each later record's kept as read.
    expect(columns.dictionaries[1]).toEqual(['female', 'male'])
    expect(columns.dictionaries[0]).toHaveLength(60_000 + (n - 65_536))
    const reader = recordReader(columns)
    for (const i of [0, 1, 3, 59_999, 60_000, 65_535, 65_536, 69_999]) {
      expect(reader(i)).toEqual({
        id: `id${i % 60_000}`,
        sex: i % 3 === 0 ? null : i % 2 === 0 ? 'male' : 'female',
      })
    }
  })
})

// The demo month (3,000 persons from the generator), ingested once: the columnar path against
// record objects read the way the link read them before (one object per row, detail parsed).
let store: Store
let pipeline: Pipeline
let loaded: LoadedMatchRecords
const period = '2026-10' as Month

beforeAll(async () => {
  pipeline = loadPipeline(path.resolve('pipelines/demo.yaml'))
  store = await openStore(':memory:')
  await ingestPeriod(store, pipeline, { period })
  loaded = await loadMatchRecords(store.db, {
    pipeline: pipeline.name,
    county: pipeline.jurisdiction.county,
    period,
  })
}, 120_000)
afterAll(async () => {
  await store?.close()
})

/** The period's records as one object per row, detail parsed in JavaScript: the former loader. */
async function objectsAsBefore(): Promise<MatchRecord[]> {
  const rows = await store.db
    .selectFrom('record')
    .innerJoin('source_file', 'source_file.id', 'record.file_id')
    .selectAll('record')
    .where('source_file.period', '=', period)
    .orderBy('source_file.source')
    .orderBy('record.file_id')
    .orderBy('record.line')
    .orderBy('record.id')
    .execute()
  return rows.map((r) => {
    const detail = JSON.parse(r.detail) as Record<string, string | undefined>
    return {
      id_norm: r.id_norm,
      id_status: r.id_status,
      name_norm: r.name_norm,
      name_pinyin: r.name_pinyin,
      sex: r.sex,
      birth_date: r.birth_date,
      community: r.community,
      event_type: r.event_type,
      event_date: r.event_date,
      householdNo: detail.householdNo ?? null,
      address: detail.address ?? null,
      residence: detail.residence ?? null,
    }
  })
}

describe('the columnar link path on a generated district', () => {
  it('loads the values the one-object-per-row loader read', async () => {
    expect(loaded.records.count).toBeGreaterThan(5000)
    expect(toRecordObjects(loaded.records)).toEqual(await objectsAsBefore())
  })

  it('blocks, prepares, trains and scores exactly as from record objects', async () => {
    const matching = pipeline.matching!
    const objects = await objectsAsBefore()
    const columns = loaded.records
    const blockedObjects = blockPairs(objects, matching.blocking, { sourceOf: loaded.sourceOf })
    const blockedColumns = blockPairs(columns, matching.blocking, { sourceOf: loaded.sourceOf })
    expect(blockedColumns.left).toEqual(blockedObjects.left)
    expect(blockedColumns.right).toEqual(blockedObjects.right)

    const comparisons = matching.comparisons.map(namedComparison)
    // Shared prepared values (one per distinct field values) equal each record's own.
    expect(prepareRecords(columns, comparisons).columns).toEqual(prepareRecords(objects, comparisons).columns)

    const options = { rng: createRng('columns').next, uSampleSize: 50_000 }
    const fromObjects = linkRecords(objects, loaded.sourceOf, matching, options)
    const fromColumns = linkRecords(columns, loaded.sourceOf, matching, {
      ...options,
      rng: createRng('columns').next,
    })
    expect(fromColumns.pairs.left.length).toBeGreaterThan(1000)
    expect(fromColumns.model).toEqual(fromObjects.model)
    expect(Buffer.from(fromColumns.pairs.matchWeight.buffer)).toEqual(
      Buffer.from(fromObjects.pairs.matchWeight.buffer),
    )
    expect(fromColumns.accepted).toEqual(fromObjects.accepted)
    expect(fromColumns.review).toEqual(fromObjects.review)
    expect(fromColumns.clustering.clusterOf).toEqual(fromObjects.clustering.clusterOf)
    expect(fromColumns.clustering.flagged).toEqual(fromObjects.clustering.flagged)
    // The flyweight reader gives each record in turn, not a copy.
    expect(mapRecords(columns, (r) => r.id_norm)).toEqual(objects.map((r) => r.id_norm))
  })
})
