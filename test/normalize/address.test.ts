import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { normalizeAddress } from '../../src/normalize/address.js'

const prefixes = ['河南省', '郑州市', '金水区', '二七区'] as const

describe('normalizeAddress', () => {
  it.each([
    [
      '河南省郑州市金水区文化路街道经三路社区纬五路21号3号楼2单元501室',
      '文化路街道经三路社区纬五路21号3幢2单元501室',
    ],
    ['郑州市金水区经三路21号', '经三路21号'], // the province omitted
    ['金水区郑州市经三路21号', '经三路21号'], // in any order, as often as written
    ['河南省 郑州市　金水区 经三路２１号', '经三路21号'], // spaces and full-width digits
    ['二七区大学路一号', '大学路1号'], // 二七区 removed before numerals are read
    ['经三路二十三号', '经三路23号'],
    ['经三路十一号', '经三路11号'],
    ['经三路一百零五号', '经三路105号'],
    ['经三路一〇一号', '经三路101号'],
    ['三号楼二单元五〇一室', '3幢2单元501室'],
    ['第三组', '3组'],
    ['第3组', '3组'],
    ['两单元', '2单元'],
    ['七里河村五组', '七里河村5组'], // 七 is a place name here, not a number before a unit
    ['3栋2单元501', '3幢2单元501室'],
    ['3幢2单元501室', '3幢2单元501室'],
    ['3座2单元501户', '3幢2单元501室'],
    ['A座1201房', 'A幢1201室'],
    ['a座', 'A幢'],
    ['3#楼2单元501号房', '3幢2单元501室'],
    ['经三路21号3-2-501', '经三路21号3幢2单元501室'],
    ['经三路21号3-2-501室', '经三路21号3幢2单元501室'],
    ['经三路21号3－2－501', '经三路21号3幢2单元501室'],
    ['5号院3幢2-501', '5号院3幢2单元501室'],
    ['经三路5号之2', '经三路5号之2'],
    ['甲3号', '甲3号'],
    ['经三路（原纬五路）21号', '经三路原纬五路21号'],
  ])('normalizes %s', (raw, norm) => {
    expect(normalizeAddress(raw, prefixes)).toEqual({ raw, norm })
  })

  it.each([[''], ['  '], ['无'], ['不详'], ['-'], ['河南省郑州市金水区']])('gives no norm for %j', (raw) => {
    expect(normalizeAddress(raw, prefixes)).toEqual({ raw, norm: null })
  })

  it('gives no norm for null and undefined', () => {
    expect(normalizeAddress(null, prefixes)).toEqual({ raw: null, norm: null })
    expect(normalizeAddress(undefined, prefixes)).toEqual({ raw: null, norm: null })
  })

  it('does not infer short forms of a prefix', () => {
    expect(normalizeAddress('金水路8号', prefixes).norm).toBe('金水路8号')
  })

  it('works without prefixes', () => {
    expect(normalizeAddress('河南省郑州市', []).norm).toBe('河南省郑州市')
  })

  const addressChar = fc.constantFrom(
    ...'河南省郑州市金水区二七路号楼栋幢座单元室户房层组第一二两三十百千〇零甲乙之0123456789-#aA·()（） \u3000',
  )
  const addressLike = fc.array(addressChar, { maxLength: 30 }).map((c) => c.join(''))

  test.prop([fc.oneof(addressLike, fc.string({ unit: 'binary' }))])(
    'is idempotent: normalizing a norm with the same prefixes changes nothing',
    (raw) => {
      const once = normalizeAddress(raw, prefixes)
      expect(normalizeAddress(once.norm, prefixes).norm).toBe(once.norm)
    },
  )

  // Text of ASCII and CJK ideographs takes the fast path; a leading U+3000 (NFKC: a space, then
  // removed) forces the general one, which runs NFKC and every rule.
  const plainChar = fc.constantFrom(
    ...'河南省郑州市金水区文化路号楼栋幢座单元室户房层组队排巷弄期社区第一二两三四五六七八九十百千零甲乙之',
    ...'0123456789-#aAbBzZ ,.;:!|[]{}<>"\'`\t?',
  )
  const plainAddress = fc.oneof(
    fc.array(plainChar, { maxLength: 30 }).map((c) => c.join('')),
    fc
      .tuple(fc.constantFrom('', ...prefixes), fc.nat(300), fc.nat(30), fc.nat(9), fc.nat(3000))
      .map(([prefix, no, building, unit, room]) => `${prefix}经三路${no}号${building}号楼${unit}单元${room}`),
  )

  test.prop([plainAddress])('reads plain text as the general path reads it', (raw) => {
    expect(normalizeAddress(raw, prefixes)).toEqual({ ...normalizeAddress(`\u3000${raw}`, prefixes), raw })
  })

  it.each([
    ['A1座', 'A1幢'],
    ['AB座B户', 'AB幢B户'],
    ['12号3号房', '12号3室'],
    ['12号号楼', '12号号楼'],
    ['楼3号', '楼3号'],
    ['3号楼号楼', '3幢号楼'],
    ['1室2户3房4号房', '1室2室3室4室'],
  ])('rewrites unit words after numbers and letters in %s', (raw, norm) => {
    expect(normalizeAddress(raw, []).norm).toBe(norm)
  })

  it('reads a repeated address the same way each time, and by the prefixes of each call', () => {
    const raw = '河南省郑州市金水区经三路二十一号'
    for (let i = 0; i < 3; i++) {
      expect(normalizeAddress(raw, prefixes).norm).toBe('经三路21号')
      expect(normalizeAddress(raw, []).norm).toBe('河南省郑州市金水区经三路21号')
      expect(normalizeAddress(raw, ['河南省']).norm).toBe('郑州市金水区经三路21号')
    }
  })

  it('gives null input one shared answer that cannot be changed', () => {
    expect(normalizeAddress(null, prefixes)).toBe(normalizeAddress(undefined, []))
    expect(Object.isFrozen(normalizeAddress(null, prefixes))).toBe(true)
  })

  test.prop([
    fc.array(fc.constantFrom(...prefixes), { maxLength: 4 }),
    fc.constantFrom('经三路21号', '大学路1号3幢'),
  ])('removes any sequence of the prefixes', (written, rest) => {
    expect(normalizeAddress(written.join('') + rest, prefixes).norm).toBe(rest)
  })
})
