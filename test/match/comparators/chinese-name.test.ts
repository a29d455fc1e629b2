import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type NameValue,
  oneCharacterDifferent,
  pinyinWithinOneEdit,
  sameFoldedPinyin,
  sameName,
  samePinyin,
  sameSurname,
  toNameValue,
} from '../../../src/match/comparators/chinese-name.js'
import { normalizeName } from '../../../src/normalize/name.js'

/** The stored form of a raw name, as ingest writes it. */
function nameOf(raw: string): NameValue {
  const n = normalizeName(raw)
  const value = toNameValue(
    n.norm,
    n.norm === null ? null : `${n.surnamePinyin ?? ''}|${n.givenPinyin ?? ''}`,
  )
  if (value === null) throw new Error(`no name in ${raw}`)
  return value
}

const predicates = [
  sameName,
  samePinyin,
  sameFoldedPinyin,
  pinyinWithinOneEdit,
  oneCharacterDifferent,
  sameSurname,
]
const pool = ['王', '丽', '莉', '张', '伟', '玮', '臧', '欧', '阳', '修', '秀', '?', '程', '咬', '幺', '金']
const rawName = fc
  .array(fc.constantFrom(...pool), { minLength: 2, maxLength: 4 })
  .map((chars) => chars.join(''))
  .filter((raw) => normalizeName(raw).norm !== null)

describe('Chinese name comparators', () => {
  it('prepares syllables, fold key and surname from the stored columns', () => {
    const v = toNameValue('欧阳修', 'ou yang|xiu')
    expect(v).toMatchObject({
      pinyin: 'ou yang xiu',
      surname: '欧阳',
      wild: false,
      chars: ['欧', '阳', '修'],
    })
    expect(toNameValue('阿不都·热合曼', 'a bu du|re he man')?.surname).toBe('阿不都')
    expect(toNameValue('𠀋丽', 'shang|li')?.chars).toHaveLength(2) // a code point outside the BMP
    expect(toNameValue(null, null)).toBeNull()
  })

  it('hears homophones as the same pinyin: 王丽/王莉, 张伟/张玮, 欧阳修/欧阳秀', () => {
    expect(samePinyin(nameOf('王丽'), nameOf('王莉'))).toBe(true)
    expect(samePinyin(nameOf('张伟'), nameOf('张玮'))).toBe(true)
    expect(samePinyin(nameOf('欧阳修'), nameOf('欧阳秀'))).toBe(true)
    expect(sameName(nameOf('王丽'), nameOf('王莉'))).toBe(false)
  })

  it('treats a traditional spelling as the same name after normalization: 张伟/張偉', () => {
    expect(sameName(nameOf('张伟'), nameOf('張偉'))).toBe(true)
  })

  it('folds dialect confusions but not unrelated syllables: 张伟/臧伟, 李明/李敏', () => {
    expect(samePinyin(nameOf('张伟'), nameOf('臧伟'))).toBe(false)
    expect(sameFoldedPinyin(nameOf('张伟'), nameOf('臧伟'))).toBe(true)
    expect(sameFoldedPinyin(nameOf('李明'), nameOf('李敏'))).toBe(true)
    expect(sameFoldedPinyin(nameOf('王丽'), nameOf('王娜'))).toBe(false)
  })

  it('finds pinyin one letter apart: 张伟 zhang wei / 张文 zhang wen', () => {
    expect(pinyinWithinOneEdit(nameOf('张伟'), nameOf('张文'))).toBe(true)
    expect(pinyinWithinOneEdit(nameOf('张伟'), nameOf('张文华'))).toBe(false)
  })

  it('counts one differing character by code point: 程咬金/程幺金, 蒋经国/蒋纬国', () => {
    expect(oneCharacterDifferent(nameOf('程咬金'), nameOf('程幺金'))).toBe(true)
    expect(oneCharacterDifferent(nameOf('蒋经国'), nameOf('蒋纬国'))).toBe(true)
    expect(oneCharacterDifferent(nameOf('蒋经国'), nameOf('宋美龄'))).toBe(false)
    expect(oneCharacterDifferent(nameOf('王丽'), nameOf('王丽丽'))).toBe(false)
    expect(oneCharacterDifferent(nameOf('𠀋丽'), nameOf('王丽'))).toBe(true)
  })

  it('matches the surname alone, compound surnames whole: 欧阳修/欧阳锋 but not 欧阳修/欧文', () => {
    expect(sameSurname(nameOf('欧阳修'), nameOf('欧阳锋'))).toBe(true)
    expect(sameSurname(nameOf('欧阳修'), nameOf('欧文'))).toBe(false)
  })

  it('lets ? stand for any lost character but never count as agreement by itself', () => {
    expect(sameName(nameOf('王?'), nameOf('王?'))).toBe(false)
    expect(samePinyin(nameOf('王?'), nameOf('王堃'))).toBe(true)
    expect(oneCharacterDifferent(nameOf('王?丽'), nameOf('王小莉'))).toBe(true)
    expect(pinyinWithinOneEdit(nameOf('王?'), nameOf('王堃'))).toBe(false)
    const disjoint = [nameOf('?丽'), nameOf('王?')] as const
    for (const p of predicates) expect(p(...disjoint)).toBe(false)
  })

  test.prop([rawName, rawName])('every predicate is symmetric', (x, y) => {
    const a = nameOf(x)
    const b = nameOf(y)
    for (const p of predicates) expect(p(a, b)).toBe(p(b, a))
  })

  test.prop([rawName])('a name without ? is exactly itself; any name is its own homophone', (x) => {
    const a = nameOf(x)
    expect(sameName(a, a)).toBe(!a.wild)
    if (a.syllables.some((s) => s !== '?')) expect(samePinyin(a, a)).toBe(true)
  })

  test.prop([rawName, rawName])('same pinyin implies the same fuzzy pinyin', (x, y) => {
    const a = nameOf(x)
    const b = nameOf(y)
    if (samePinyin(a, b)) expect(sameFoldedPinyin(a, b)).toBe(true)
  })
})
