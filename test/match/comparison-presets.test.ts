import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { type Comparison, comparisonLevel } from '../../src/match/comparison.js'
import {
  birthDateComparison,
  chineseNameComparison,
  editDistanceComparison,
  exactComparison,
  homeAddressComparison,
  residentIdComparison,
  sexComparison,
} from '../../src/match/comparison-presets.js'
import { matchRecordOf } from './support/match-record-of.js'

type Raw = Parameters<typeof matchRecordOf>[0]
function levelOf<V>(c: Comparison<V>, left: Raw, right: Raw): string {
  const level = comparisonLevel(c, c.prepare(matchRecordOf(left)), c.prepare(matchRecordOf(right)))
  return level < 0 ? 'null' : (c.levels[c.levels.length - 1 - level]?.code ?? '?')
}

describe('residentIdComparison', () => {
  const c = residentIdComparison()
  it.each([
    ['41010519900307123X', '41010519900307123X', 'exact'],
    ['410105900307123', '41010519900307123X', 'exact'], // legacy 15 digits, upgraded at ingest
    ['41010519900307123X', '410105199003071231', 'legacy'], // check character mistyped
    ['41010519900307123X', '41010519900307128X', 'sub1'],
    ['41010519900307123X', '41010519900307213X', 'swap'],
    ['410105199003071000', '41010519900307123X', 'trunc15'], // Excel kept 15 significant digits
    ['41010519900307123X', '410105199003071256', 'else'], // a neighbour born the same day: another person
    ['410181199003071236', '41010519900307123X', 'birthseq'], // region re-coded (410181 → 410105)
    ['41010519900307123X', '410105199003071248', 'else'], // same day, other sex
    ['41010519900307123X', '', 'null'],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(levelOf(c, { id: a }, { id: b })).toBe(expected)
  })

  it('gives same-day neighbours no ID evidence: the birth-date comparison already counts their shared day', () => {
    const neighbours = comparisonLevel(
      c,
      c.prepare(matchRecordOf({ id: '41010519900307123X' })),
      c.prepare(matchRecordOf({ id: '410105199003071256' })),
    )
    expect(neighbours).toBe(0)
  })
})

describe('chineseNameComparison', () => {
  const c = chineseNameComparison()
  it.each([
    ['张伟', '張偉', 'exact'],
    ['王丽', '王莉', 'pinyin'],
    ['张伟', '张玮', 'pinyin'],
    ['欧阳修', '欧阳秀', 'pinyin'],
    ['程咬金', '程幺金', 'pinyin'], // toneless yao = yao: a pinyin match is evidence, not proof
    ['王?', '王堃', 'pinyin'],
    ['张伟', '臧伟', 'fold'],
    ['张伟', '张文', 'pinyin1'],
    ['蒋经国', '蒋纬国', 'char1'],
    ['王丽', '王建国', 'surname'],
    ['王丽', '李娜', 'else'],
    ['王丽', '某某', 'null'],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(levelOf(c, { name: a }, { name: b })).toBe(expected)
  })

  it('adjusts the exact level, and only it, for term frequency', () => {
    expect(c.termFrequency?.level).toBe(c.levels.length - 1)
  })
})

describe('birthDateComparison', () => {
  const c = birthDateComparison({ withinDays: [31] })
  it.each([
    ['1990-03-07', '1990-03-07', 'exact'],
    ['1990-03-07', '1990-07-03', 'swap'],
    ['1990-03-07', '1990-03-08', 'digit1'],
    ['1990-03-30', '1990-04-02', 'days31'],
    ['1990-03-01', '1990-03-30', 'days31'],
    ['1990-03-10', '1990-03-25', 'days31'],
    ['1990-01-15', '1990-02-10', 'days31'],
    ['1990-03-07', '1991-05-20', 'else'],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(levelOf(c, { birth: a }, { birth: b })).toBe(expected)
  })

  it('has no day-window level unless asked', () => {
    expect(birthDateComparison().levels.map((l) => l.code)).toEqual(['exact', 'swap', 'digit1', 'ym', 'else'])
  })
})

describe('generic presets', () => {
  it('score sex, exact and edit-distance fields', () => {
    expect(comparisonLevel(sexComparison(), 'male', 'male')).toBe(1)
    expect(comparisonLevel(sexComparison(), 'male', 'female')).toBe(0)
    const address = editDistanceComparison('address', [2, 1])
    expect(address.levels.map((l) => l.code)).toEqual(['exact', 'edit1', 'edit2', 'else'])
    expect(comparisonLevel(address, '建设路12号', '建设路13号')).toBe(2)
    expect(comparisonLevel(address, '建设路12号', '建设路号')).toBe(1)
    expect(exactComparison('household').prepare({ household: '' })).toBeNull()
  })
})

describe('homeAddressComparison', () => {
  const home = homeAddressComparison()
  it('compares where each side lives: the residence, else the address', () => {
    expect(home.levels.map((l) => l.code)).toEqual(['exact', 'else'])
    const certificate = { residence: '文化路251号院10号楼3单元904室', address: null }
    const police = { residence: null, address: '文化路251号院10号楼3单元904室' }
    const moved = { residence: '纬五路98号院9幢1单元1304室', address: '文化路251号院10号楼3单元904室' }
    expect(comparisonLevel(home, home.prepare(certificate), home.prepare(police))).toBe(1)
    // A register 现住址 elsewhere is where the person lives, whatever the hukou address says.
    expect(comparisonLevel(home, home.prepare(certificate), home.prepare(moved))).toBe(0)
    expect(home.prepare({ residence: '', address: '' })).toBeNull()
  })

  const side = fc.record({
    residence: fc.option(fc.constantFrom('文化路1号', '文化路2号', ''), { nil: null }),
    address: fc.option(fc.constantFrom('文化路1号', '花园路3号', ''), { nil: null }),
  })
  test.prop([side, side])('is symmetric, and null only when a side has no address at all', (a, b) => {
    const level = comparisonLevel(home, home.prepare(a), home.prepare(b))
    expect(level).toBe(comparisonLevel(home, home.prepare(b), home.prepare(a)))
    const none = (r: typeof a) => !r.residence && !r.address
    expect(level === -1).toBe(none(a) || none(b))
  })
})

// Same region and birth date, so the ID levels below exact get exercised.
const idRaw = fc
  .tuple(fc.array(fc.constantFrom('1', '2', '3'), { minLength: 3, maxLength: 3 }), fc.boolean())
  .map(([[a, b, c], truncate]) => `41010519900307${a}${truncate ? '000' : `${b}${c}X`}`)
const nameRaw = fc
  .array(fc.constantFrom('王', '丽', '莉', '张', '伟', '臧', '欧', '阳', '?', '文'), {
    minLength: 2,
    maxLength: 4,
  })
  .map((chars) => chars.join(''))
const dateRaw = fc.constantFrom('1990-03-07', '1990-07-03', '1990-03-08', '1990-03-30', '1991-03-07')
const record = fc.record({
  id: idRaw,
  name: nameRaw,
  birth: dateRaw,
  sex: fc.constantFrom('male', 'female') as fc.Arbitrary<'male' | 'female'>,
})
const presets: Comparison[] = [
  residentIdComparison(),
  chineseNameComparison(),
  birthDateComparison({ withinDays: [31] }),
  sexComparison(),
]

describe('every preset', () => {
  test.prop([record, record])('is symmetric', (a, b) => {
    for (const c of presets) expect(levelOf(c, a, b)).toBe(levelOf(c, b, a))
  })

  test.prop([record])(
    'puts a value against itself on its top level (wildcards and truncation aside)',
    (a) => {
      for (const c of presets) {
        const v = c.prepare(matchRecordOf(a))
        if (v === null) continue
        const top = c.levels.length - 1
        const level = comparisonLevel(c, v, v)
        if (c.name === 'name' && a.name.includes('?')) expect(level).toBe(top - 1)
        else if (c.name === 'resident_id' && (v as { truncated: boolean }).truncated) expect(level).toBe(2)
        else expect(level).toBe(top)
      }
    },
  )

  test.prop([record])('gives -1 when a side is null', (a) => {
    for (const c of presets) {
      expect(comparisonLevel(c, c.prepare(matchRecordOf(a)), null)).toBe(-1)
      expect(comparisonLevel(c, null, c.prepare(matchRecordOf(a)))).toBe(-1)
    }
  })
})
