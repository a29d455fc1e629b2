import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Month } from '../../src/domain/month.js'
import { ingestPeriod } from '../../src/ingest/ingest-period.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import { smallPipelineText, smallPoliceRows, writeSmallExports } from '../support/small-exports.js'

const period = '2026-10' as Month
let dir: string
let store: Store

async function setup(police = smallPoliceRows): Promise<ReturnType<typeof parsePipelineText>> {
  const file = await writeSmallExports(dir, police)
  return parsePipelineText(smallPipelineText, file)
}

async function counts() {
  const files = await store.db.selectFrom('source_file').selectAll().execute()
  const records = await store.db.selectFrom('record').selectAll().execute()
  const rejects = await store.db.selectFrom('reject').selectAll().execute()
  return { files, records, rejects }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-ingest-'))
  store = await openStore(':memory:')
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('ingesting a month of exports', () => {
  it('stores every readable row as person records and rejects the rest with line and reason', async () => {
    const pipeline = await setup()
    const summary = await ingestPeriod(store, pipeline, { period })
    const police = summary.files.find((f) => f.source === 'police-changes')!
    expect(police).toMatchObject({
      status: 'ingested',
      rowsRead: 5,
      recordsStored: 2,
      rowsRejected: 3,
      encoding: 'gb18030',
    })
    const marriages = summary.files.find((f) => f.source === 'civil-marriages')!
    expect(marriages).toMatchObject({ rowsRead: 1, recordsStored: 2, rowsRejected: 0 })

    const { records, rejects } = await counts()
    const zhang = records.find((r) => r.line === 2)!
    expect(zhang).toMatchObject({
      role: 'subject',

      name_norm: '张伟',
      name_pinyin: 'zhang|wei',
      id_status: 'valid',
      birth_date: '1949-12-31',
      event_type: 'move-in',
      event_date: '2026-10-03',
      community: '410105001001',
    })
    expect(records.find((r) => r.line === 3)).toMatchObject({
      event_date: '2026-10-09',
      birth_date: '1990-01-02',
    })
    const wife = records.find((r) => r.role === 'wife')!
    expect(wife).toMatchObject({
      name_norm: '钱芳',
      event_type: 'marriage',
      event_date: '2026-10-12',
      line: 2,
    })
    expect(JSON.parse(wife.detail)).toMatchObject({ documentNo: 'J410105-2026-000001' })

    // raw values sit beside normalized ones: source_file.columns says which raw cell each field came from
    const policeFile = (await counts()).files.find((f) => f.source === 'police-changes')!
    const cellOf = JSON.parse(policeFile.columns) as Record<string, number>
    expect(Papa.parse<string[]>(zhang.raw).data[0]?.[cellOf.name!]).toBe('张 伟')
    expect(zhang.raw).toBe(smallPoliceRows[1])
    expect(JSON.parse(zhang.detail)).toMatchObject({ address: expect.stringContaining('文化路3号') })

    expect(rejects.map((r) => [r.line, r.code, r.column_name])).toEqual([
      [4, 'ROW_FIELD_COUNT', null],
      [5, 'ROW_NO_IDENTITY', '姓名'],
      [6, 'ROW_UNKNOWN_VALUE', '变动类型'],
    ])
  })

  it('skips files already ingested for the month: a re-run duplicates nothing', async () => {
    const pipeline = await setup()
    await ingestPeriod(store, pipeline, { period })
    const before = await counts()
    const again = await ingestPeriod(store, pipeline, { period })
    expect(again.files.map((f) => f.status)).toEqual(['already-ingested', 'already-ingested'])
    const after = await counts()
    expect(after.records).toHaveLength(before.records.length)
    expect(after.rejects).toHaveLength(before.rejects.length)
    expect(after.files).toHaveLength(2)
  })

  it('replaces an earlier version of a file when the export was corrected', async () => {
    const pipeline = await setup()
    await ingestPeriod(store, pipeline, { period })
    await setup(smallPoliceRows.slice(0, 3))
    const second = await ingestPeriod(store, pipeline, { period })
    expect(second.files[0]).toMatchObject({ status: 'ingested', replaced: 1, rowsRead: 2, rowsRejected: 0 })
    const { files, records, rejects } = await counts()
    expect(files).toHaveLength(2)
    expect(records.filter((r) => r.role === 'subject')).toHaveLength(2)
    expect(rejects).toHaveLength(0)
  })

  it('stores nothing when an export is missing', async () => {
    const pipeline = await setup()
    rmSync(path.join(dir, 'marriages-2026-10.xlsx'))
    const err = await ingestPeriod(store, pipeline, { period }).catch((e) => e)
    expect(err.code).toBe('INGEST_FILE_NOT_FOUND')
    const { files, records } = await counts()
    expect(files).toHaveLength(0)
    expect(records).toHaveLength(0)
  })

  it('names the missing column and the closest header, storing nothing from that file', async () => {
    const pipeline = await setup([
      smallPoliceRows[0]!.replace('公民身份号码', '身份证号码'),
      ...smallPoliceRows.slice(1),
    ])
    const err = await ingestPeriod(store, pipeline, { period }).catch((e) => e)
    expect(err.code).toBe('INGEST_MISSING_COLUMN')
    expect(err.message).toContain('公民身份号码')
    expect(err.message).toContain('身份证号码')
    const { files, records } = await counts()
    expect(files).toHaveLength(0)
    expect(records).toHaveLength(0)
  })

  it('rolls a file back completely when storing fails half-way', async () => {
    const pipeline = await setup()
    let calls = 0
    const failing: Store = {
      ...store,
      insertRows(trx, table, columns, rows) {
        if (table === 'record' && ++calls === 2) throw new Error('disk full')
        store.insertRows(trx, table, columns, rows)
      },
    }
    // the police file succeeds (one record batch); the marriage file fails at its first batch
    await expect(ingestPeriod(failing, pipeline, { period })).rejects.toThrow('disk full')
    const { files, records } = await counts()
    expect(files.map((f) => f.source)).toEqual(['police-changes'])
    expect(records.every((r) => r.file_id === files[0]!.id)).toBe(true)
    const runs = await store.db.selectFrom('run').select('status').execute()
    expect(runs.map((r) => r.status)).toEqual(['failed'])
  })

  describe('reading a large CSV in byte ranges', () => {
    /** 1,500 police rows with blank lines, short rows and (when asked) addresses quoted across a line break. */
    function manyRows(quotedBreaks: boolean): string[] {
      const rows = [smallPoliceRows[0]!]
      for (let i = 0; i < 1500; i++) {
        if (i % 89 === 3) rows.push('')
        const address = quotedBreaks && i % 97 === 11 ? `"花园路${i}号\r\n2栋"` : `花园路${i}号`
        if (i % 113 === 5) rows.push(`410105199001021234,王${i},女,1990/1/2,${address},,迁出`)
        else rows.push(`410105199001021234,王${i},女,1990/1/2,${address},,迁出,2026-10-09`)
      }
      return rows
    }

    async function stored(s: Store) {
      const records = await s.db.selectFrom('record').selectAll().orderBy('id').execute()
      const rejects = await s.db.selectFrom('reject').selectAll().orderBy('id').execute()
      const files = await s.db
        .selectFrom('source_file')
        .select(['rows_read', 'records_stored', 'rows_rejected'])
        .execute()
      return {
        records: records.map(({ id, file_id, ...r }) => r),
        rejects: rejects.map(({ id, file_id, ...r }) => r),
        files,
      }
    }

    for (const quotedBreaks of [false, true]) {
      it(`stores the same records and rejects, in file order with the same lines, as reading it whole${quotedBreaks ? ' (quoted line breaks: falls back to reading it whole)' : ''}`, async () => {
        const pipeline = await setup(manyRows(quotedBreaks))
        const split = { rangeBytes: 1000, minFileBytes: 0 }
        const summary = await ingestPeriod(store, pipeline, { period, split })
        const whole = await openStore(':memory:')
        try {
          const wholeSummary = await ingestPeriod(whole, pipeline, { period, split: false })
          expect(summary.files.map(({ seconds, ...f }) => f)).toEqual(
            wholeSummary.files.map(({ seconds, ...f }) => f),
          )
          const a = await stored(store)
          const b = await stored(whole)
          expect(a).toEqual(b)
          expect(a.records.length).toBeGreaterThan(1400)
          expect(a.rejects.length).toBeGreaterThan(10)
          expect(summary.files[0]!.rowsRead).toBe(
            summary.files[0]!.recordsStored + summary.files[0]!.rowsRejected,
          )
        } finally {
          await whole.close()
        }
      })
    }

    it('rolls the file back completely when storing fails in a later range', async () => {
      const pipeline = await setup(manyRows(false))
      let calls = 0
      const failing: Store = {
        ...store,
        insertRows(trx, table, columns, rows) {
          if (table === 'record' && ++calls === 5) throw new Error('disk full')
          store.insertRows(trx, table, columns, rows)
        },
      }
      await expect(
        ingestPeriod(failing, pipeline, { period, split: { rangeBytes: 1000, minFileBytes: 0 } }),
      ).rejects.toThrow('disk full')
      expect(calls).toBe(5)
      const { files, records, rejects } = await counts()
      expect(files).toHaveLength(0)
      expect(records).toHaveLength(0)
      expect(rejects).toHaveLength(0)
    })
  })

  it('refuses an export in another encoding than the pipeline says, storing nothing', async () => {
    await setup()
    const forcedUtf8 = parsePipelineText(
      smallPipelineText.replace(
        "files: ['police-{period}.csv']",
        "files: ['police-{period}.csv']\n    encoding: utf8",
      ),
      path.join(dir, 't.yaml'),
    )
    const err = await ingestPeriod(store, forcedUtf8, { period }).catch((e) => e)
    expect(err.code).toBe('INGEST_ENCODING_UNDETECTED')
    expect(err.where?.file).toContain('police-2026-10.csv')
    expect((await counts()).files).toHaveLength(0)
    expect((await counts()).records).toHaveLength(0)
  })

  it('refuses a binary file saved under a .csv name (an .xls renamed), storing nothing', async () => {
    const pipeline = await setup()
    writeFileSync(
      path.join(dir, 'police-2026-10.csv'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0x2c, 0x0a]),
    )
    const err = await ingestPeriod(store, pipeline, { period }).catch((e) => e)
    expect(err.code).toBe('INGEST_ENCODING_UNDETECTED')
    expect((await counts()).records).toHaveLength(0)
  })

  it('rejects an empty export with a clear error', async () => {
    const pipeline = await setup()
    writeFileSync(path.join(dir, 'police-2026-10.csv'), '')
    const err = await ingestPeriod(store, pipeline, { period }).catch((e) => e)
    expect(err.code).toBe('INGEST_EMPTY_FILE')
    expect((await counts()).files).toHaveLength(0)
  })
})
