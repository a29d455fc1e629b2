import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { buildRowNormalizer } from '../../src/ingest/normalize-row.js'
import { parsePipelineText } from '../../src/pipeline/load-pipeline.js'

// Names the inline pipeline text in messages; never read (no source names a file here).
const pipelineFile = 'test/ingest/normalize-row.yaml'

const pipeline = parsePipelineText(
  `version: 1
name: t
jurisdiction:
  county: '410105'
  name: 金水区
  addressPrefixes: [河南省, 郑州市, 金水区]
  communities:
    - { code: '410105001001', name: 文化路社区, aliases: [文化路居委会] }
    - { code: '410105001002', name: 花园路社区 }
    - { code: '410105101001', name: 李庄村委会 }
sources:
  - name: police
    agency: police
    kind: person
    files: ['police.csv']
    columns:
      residentId: 公民身份号码
      name: 姓名
      formerName: 曾用名
      sex: 性别
      address: 住址
      residenceAddress: 现住址
      community: 居委会
  - name: births
    agency: health
    kind: birth
    files: ['births.csv']
    columns:
      event.documentNo: 出生医学证明编号
      event.date: 出生时间
      child.name: 新生儿姓名
      child.sex: 新生儿性别
      mother.name: 母亲姓名
      mother.residentId: 母亲身份证号
      father.name: 父亲姓名
      father.residentId: 父亲身份证号
`,
  pipelineFile,
)

function normalizerFor(sourceName: string) {
  const source = pipeline.sources.find((s) => s.name === sourceName)!
  const indexOf = new Map(source.columns.map((c, i) => [c.key, i]))
  return () => buildRowNormalizer(source, indexOf, pipeline.jurisdiction)
}

describe('buildRowNormalizer reused across rows', () => {
  // Values from small pools (so names, addresses and communities repeat and the caches hit)
  // mixed with arbitrary text (so they also miss on odd input).
  const pick = (pool: string[]) => fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 12 }))
  const row = fc.tuple(
    pick(['11010519491231002X', '410105199001021234', '', '无']),
    pick(['张伟', '張偉', '单雪', '王 丽', '', '张丽之女', '爱新觉罗·溥仪']),
    pick(['', '张小伟']),
    pick(['男', '女', '1', '']),
    pick(['河南省郑州市金水区文化路3号', '花园路5号院2栋3-2-501', '李庄村四组12号', '']),
    pick(['', '花园路社区3号院', '郑州市金水区李庄村委会']),
    pick(['文化路居委会', '', '花园路', '不存在社区']),
  )

  test.prop([fc.array(row, { maxLength: 40 })])(
    'a normalizer reused across rows gives the records a fresh (uncached) one gives for each row',
    (rows) => {
      const fresh = normalizerFor('police')
      const shared = fresh()
      rows.forEach((cells, i) => {
        expect(shared(cells, i + 2)).toEqual(fresh()(cells, i + 2))
      })
    },
  )
})

describe('birth certificates', () => {
  const normalize = normalizerFor('births')()
  const header = [
    '出生医学证明编号',
    '出生时间',
    '新生儿姓名',
    '新生儿性别',
    '母亲姓名',
    '母亲身份证号',
    '父亲姓名',
    '父亲身份证号',
  ]

  it('record an unnamed newborn (blank or 母亲之女) as a child with name null, born at the event', () => {
    for (const childName of ['', '郑雪之女']) {
      const cells = ['S550181390', '2025-11-03 01:04', childName, '女', '郑雪', '410105199112301508', '', '']
      expect(cells).toHaveLength(header.length)
      const outcome = normalize(cells, 2)
      expect(outcome.ok).toBe(true)
      if (!outcome.ok) continue
      expect(outcome.records.map((r) => r.role)).toEqual(['child', 'mother'])
      const child = outcome.records[0]!
      expect(child.name.norm).toBeNull()
      expect(child.name.raw).toBe(childName === '' ? null : childName)
      expect(child.residentId.status).toBe('missing')
      expect(child.sex).toBe('female')
      expect(child.birthDate.norm).toBe('2025-11-03')
      expect(child.event.documentNo).toBe('S550181390')
    }
  })

  it('still records nobody for a child the row says nothing about, nor for an absent father', () => {
    const outcome = normalize(['S1', '', '', '', '郑雪', '410105199112301508', '', ''], 2)
    expect(outcome.ok && outcome.records.map((r) => r.role)).toEqual(['mother'])
  })

  it('still rejects a certificate that names no mother', () => {
    const outcome = normalize(['S1', '2025-11-03', '', '女', '', '', '贾浩', ''], 2)
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.reject.code).toBe('ROW_NO_IDENTITY')
  })
})

describe('a certificate whose 家庭住址 is both the mother’s and the child’s', () => {
  // pipelines/demo.yaml maps one column to two roles: the family's home is the newborn's too,
  // and for an unnamed newborn the only place-like evidence it has.
  const withHome = parsePipelineText(
    `version: 1
name: t
jurisdiction:
  county: '410105'
  name: 金水区
  addressPrefixes: [河南省, 郑州市, 金水区]
  communities:
    - { code: '410105001001', name: 文化路社区 }
sources:
  - name: births
    agency: health
    kind: birth
    files: ['births.csv']
    columns:
      event.date: 出生时间
      child.name: 新生儿姓名
      child.sex: 新生儿性别
      child.residenceAddress: 家庭住址
      mother.name: 母亲姓名
      mother.residenceAddress: 家庭住址
`,
    pipelineFile,
  )
  const source = withHome.sources[0]!
  const normalize = buildRowNormalizer(
    source,
    new Map(source.columns.map((c, i) => [c.key, i])),
    withHome.jurisdiction,
  )
  const header = source.columns.map((c) => c.header)

  it('gives an unnamed newborn the same normalized home as its mother', () => {
    const byHeader: Record<string, string> = {
      出生时间: '2025-11-03 01:04',
      新生儿姓名: '郑雪之女',
      新生儿性别: '女',
      家庭住址: '河南省郑州市金水区文化路251号院10号楼3单元904室',
      母亲姓名: '郑雪',
    }
    const outcome = normalize(
      header.map((h) => byHeader[h] ?? ''),
      2,
    )
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const [child, mother] = outcome.records
    expect(child?.role).toBe('child')
    expect(child?.name.norm).toBeNull()
    expect(child?.residence).not.toBeNull()
    expect(child?.residence).toBe(mother?.residence)
    // The jurisdiction's prefixes are not part of the home: 文化路251号院… as the register writes it.
    expect(child?.residence).not.toContain('郑州市')
  })
})
