import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { foldPinyin } from '../../src/normalize/pinyin-fold.js'

const initials = [
  '',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'zh',
  'ch',
  'sh',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
]
const finals = [
  'a',
  'e',
  'i',
  'u',
  'v',
  'ai',
  'ei',
  'ao',
  'ou',
  'an',
  'en',
  'ang',
  'eng',
  'ong',
  'in',
  'ing',
  'ian',
  'iang',
  'uan',
  'uang',
  'iu',
  'ui',
]
const syllable = fc.tuple(fc.constantFrom(...initials), fc.constantFrom(...finals)).map(([i, f]) => i + f)
const pinyin = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))

describe('foldPinyin', () => {
  it.each([
    ['zhang wei', 'zang wei', 'zan wei'], // 张伟 / 臧伟
    ['chen', 'cen', 'cen'],
    ['shi', 'si', 'si'],
    ['niu', 'liu', 'liu'], // n/l
    ['rong', 'long', 'long'], // r/l
    ['hu', 'fu', 'fu'], // h/f
    ['wang', 'wan', 'wan'], // an/ang
    ['cheng', 'chen', 'cen'], // en/eng
    ['ling', 'lin', 'lin'], // in/ing
    ['jiang', 'jian', 'jian'], // ian/iang
    ['huang', 'huan', 'fuan'], // uan/uang
    ['nv', 'lv', 'lv'], // 女 / 吕
  ])('folds %s and %s to the same key %s', (a, b, key) => {
    expect(foldPinyin(a)).toBe(key)
    expect(foldPinyin(b)).toBe(key)
  })

  it('leaves unaffected syllables and non-pinyin tokens alone', () => {
    expect(foldPinyin('li ? bo')).toBe('li ? bo')
    expect(foldPinyin('gong')).toBe('gong') // ong has no fuzzy partner
    expect(foldPinyin('er')).toBe('er')
  })

  test.prop([pinyin])('is idempotent', (p) => {
    expect(foldPinyin(foldPinyin(p))).toBe(foldPinyin(p))
  })

  test.prop([pinyin])('keeps one key per syllable', (p) => {
    expect(foldPinyin(p).split(' ')).toHaveLength(p.split(' ').length)
  })

  test.prop([fc.string()])('never throws', (s) => {
    expect(typeof foldPinyin(s)).toBe('string')
  })
})
