import { describe, expect, it } from 'vitest'
import { MissingColumnError } from '../../src/errors/ingest-errors.js'
import { foldHeader, mapHeaders } from '../../src/ingest/header-map.js'
import type { TableHeader } from '../../src/ingest/table-source.js'

function header(headers: string[], line = 1): TableHeader {
  return { file: 'police.csv', headers, line, encoding: 'utf8' }
}

function thrown(fn: () => unknown): MissingColumnError {
  try {
    fn()
  } catch (error) {
    if (error instanceof MissingColumnError) return error
    throw error
  }
  throw new Error('expected a MissingColumnError')
}

describe('foldHeader', () => {
  it.each([
    ['身份证号', '身份证号'],
    [' 身份证号\t', '身份证号'],
    ['身 份　证 号', '身份证号'],
    ['ＩＤ号（１８位）', 'ID号(18位)'],
    ['\uFEFF姓名', '姓名'],
  ])('folds %j to %j', (raw, folded) => {
    expect(foldHeader(raw)).toBe(folded)
  })
})

describe('mapHeaders', () => {
  it('finds columns written with full-width characters and spaces', () => {
    const map = mapHeaders(header(['序号', ' 公民身份号码 ', '姓　名', 'ＩＤ类型', '出生 日期']), [
      { key: 'residentId', header: '公民身份号码' },
      { key: 'name', header: '姓名' },
      { key: 'idType', header: 'ID类型' },
      { key: 'birthDate', header: '出生日期' },
    ])
    expect([...map]).toEqual([
      ['residentId', 1],
      ['name', 2],
      ['idType', 3],
      ['birthDate', 4],
    ])
  })

  it('leaves absent optional columns out of the map and keeps present ones', () => {
    const map = mapHeaders(header(['姓名', '联系电话']), [
      { key: 'name', header: '姓名' },
      { key: 'phone', header: '联系电话', optional: true },
      { key: 'email', header: '电子邮箱', optional: true },
    ])
    expect(map).toEqual(
      new Map([
        ['name', 0],
        ['phone', 1],
      ]),
    )
  })

  it('takes the first of two columns with the same header', () => {
    expect(mapHeaders(header(['姓名', '姓 名']), [{ key: 'name', header: '姓名' }]).get('name')).toBe(0)
  })

  it('reports a missing column with the headers found and the closest one', () => {
    const error = thrown(() =>
      mapHeaders(header(['身份证号', '姓名', '性别']), [
        { key: 'residentId', header: '公民身份号码' },
        { key: 'name', header: '姓名' },
      ]),
    )
    expect(error.code).toBe('INGEST_MISSING_COLUMN')
    expect(error.where).toEqual({ file: 'police.csv', line: 1 })
    expect(error.message).toBe(
      'Column "公民身份号码" (for field residentId) not found in police.csv line 1. ' +
        'Found: 身份证号, 姓名, 性别. Closest: "身份证号".',
    )
    expect(error.missing).toEqual([{ field: 'residentId', header: '公民身份号码', closest: '身份证号' }])
    expect(error.found).toEqual(['身份证号', '姓名', '性别'])
    expect(error.hint).toMatch(/source profile/)
  })

  it('reports every missing required column in one error, skipping headers other fields took', () => {
    const error = thrown(() =>
      mapHeaders(header(['身份证号', '姓 名', '出生年月', '现住址'], 3), [
        { key: 'residentId', header: '公民身份号码' },
        { key: 'name', header: '姓名' },
        { key: 'birthDate', header: '出生日期' },
        { key: 'ethnicity', header: '民族' },
        { key: 'phone', header: '联系电话', optional: true },
      ]),
    )
    expect(error.where).toEqual({ file: 'police.csv', line: 3 })
    expect(error.missing).toEqual([
      { field: 'residentId', header: '公民身份号码', closest: '身份证号' },
      { field: 'birthDate', header: '出生日期', closest: '出生年月' },
      { field: 'ethnicity', header: '民族' },
    ])
    expect(error.message).toBe(
      '3 required columns not found in police.csv line 3: ' +
        '"公民身份号码" (for field residentId; closest: "身份证号"), ' +
        '"出生日期" (for field birthDate; closest: "出生年月"), "民族" (for field ethnicity). ' +
        'Found: 身份证号, 姓 名, 出生年月, 现住址.',
    )
  })
})
