import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Month } from '../../src/domain/month.js'
import { ingestPeriod } from '../../src/ingest/ingest-period.js'
import { blockingRuleKey } from '../../src/match/blocking-rule.js'
import { toRecordObjects } from '../../src/match/record-columns.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'
import { loadMatchRecords } from '../../src/store/match-records.repository.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import { smallPipelineText, writeSmallExports } from '../support/small-exports.js'

let dir: string
let store: Store

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-match-records-'))
  store = await openStore(':memory:')
  const file = await writeSmallExports(dir)
  await ingestPeriod(store, parsePipelineText(smallPipelineText, file), { period: '2026-10' as Month })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const query = { pipeline: 't', county: '410105', period: '2026-10' }

describe('loading a period’s records for matching', () => {
  it('returns the records ordered by source, file and line, with their sources and refs', async () => {
    const loaded = await loadMatchRecords(store.db, query)
    const { sourceOf, sources, fileIds, lines, roles } = loaded
    expect(sources).toEqual(['civil-marriages', 'police-changes'])
    expect(toRecordObjects(loaded.records).map((r) => r.name_norm)).toEqual(['赵强', '钱芳', '张伟', '王丽'])
    expect([...sourceOf]).toEqual([0, 0, 1, 1])
    expect([...lines]).toEqual([2, 2, 2, 3])
    expect(roles).toEqual(['husband', 'wife', 'subject', 'subject'])
    // Two files, one per source: records of one file share its id.
    expect(fileIds[0]).toBe(fileIds[1])
    expect(fileIds[2]).not.toBe(fileIds[0])
    expect(new Set(loaded.recordIds).size).toBe(4)
    // Fingerprints only when asked for.
    expect(loaded.fingerprints).toBeNull()
  })

  it('puts record columns and detail fields under the names blocking and comparisons read', async () => {
    const records = toRecordObjects((await loadMatchRecords(store.db, query)).records)
    const zhang = records[2]!
    expect(zhang).toMatchObject({
      id_norm: '11010519491231002X',
      id_status: 'valid',
      name_pinyin: 'zhang|wei',
      sex: 'male',
      birth_date: '1949-12-31',
      community: '410105001001',
      event_type: 'move-in',
      householdNo: null,
      residence: null,
    })
    expect(zhang.address).toContain('文化路3号')
    expect(blockingRuleKey({ name: 'id', keys: ['idPrefix15'] }, zhang)).toBe('110105194912310')
    // The normalized address (栋 read as 幢), as ingest stored it in detail.
    expect(blockingRuleKey({ name: 'addr', keys: ['address'] }, records[3]!)).toContain('花园路5号院2幢')
    // Fields that are not in the pipeline's columns are null, never undefined.
    expect(records[0]?.address).toBeNull()
  })

  it('loads nothing for another period or pipeline', async () => {
    expect((await loadMatchRecords(store.db, { ...query, period: '2026-09' })).records.count).toBe(0)
    const other = await loadMatchRecords(store.db, { ...query, pipeline: 'other' })
    expect(other.sources).toEqual([])
    expect(other.sourceOf).toHaveLength(0)
  })
})

describe('loading attributes', () => {
  // A plain list of people: a quoted cell with the delimiter inside, a tab-separated file, a missing value.
  const pipeline = `version: 1
name: people
attributes: { given_name: text, postcode: digits, dob: date }
sources:
  - { name: a, agency: other, kind: person, files: [a.csv], columns: { attr.given_name: ' given_name', attr.postcode: postcode, attr.dob: dob } }
  - { name: b, agency: other, kind: person, files: [b.tsv], format: csv, columns: { attr.given_name: given_name, attr.dob: dob } }
`
  it('reads each declared attribute from the stored row, normalized, null where absent', async () => {
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      path.join(dir, 'a.csv'),
      'rec, given_name, postcode, dob\n1,"Mary,  Ann",2 000,19151111\n2, JOHN,, \n',
    )
    writeFileSync(path.join(dir, 'b.tsv'), 'given_name\tdob\n  Zoë  \t2015-10-29\n')
    const file = path.join(dir, 'people.yaml')
    const p = parsePipelineText(pipeline, file)
    const s = await openStore(':memory:')
    try {
      await ingestPeriod(s, p, { period: '2026-10' as Month })
      const q = { pipeline: 'people', county: '000000', period: '2026-10', attributes: p.attributes }
      const records = toRecordObjects((await loadMatchRecords(s.db, q)).records)
      expect(records.map((r) => [r['attr.given_name'], r['attr.postcode'], r['attr.dob']])).toEqual([
        ['mary, ann', '2000', '1915-11-11'],
        ['john', null, null],
        ['zoë', null, '2015-10-29'],
      ])
      const plain = await loadMatchRecords(s.db, { ...q, attributes: [] })
      expect(toRecordObjects(plain.records)[0]).not.toHaveProperty('attr.given_name')
    } finally {
      await s.close()
    }
  })
})
