import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { namesAgree } from '../../src/reconcile/names-agree.js'

describe('namesAgree', () => {
  it('tells different characters apart, homophones included', () => {
    expect(namesAgree('王丽', '王莉')).toBe(false)
    expect(namesAgree('王丽', '王丽丽')).toBe(false)
  })

  it('takes the middle dot of a minority name as optional', () => {
    expect(namesAgree('热娜·买买提', '热娜买买提')).toBe(true)
  })

  it('takes ? (a character GBK could not hold) as any one character or the lost dot', () => {
    expect(namesAgree('阿依努尔?赛买提', '阿依努尔·赛买提')).toBe(true)
    expect(namesAgree('热娜?买买提', '热娜买买提')).toBe(true)
    expect(namesAgree('王?', '王喆')).toBe(true)
    expect(namesAgree('王?', '李喆')).toBe(false)
    expect(namesAgree('王??', '王喆')).toBe(true)
    expect(namesAgree('王?', '王喆喆')).toBe(false)
  })

  const name = fc.string({ unit: fc.constantFrom('王', '丽', '莉', '·', '?'), maxLength: 6 })
  test.prop([name, name])('is symmetric', (a, b) => {
    expect(namesAgree(a, b)).toBe(namesAgree(b, a))
  })
  test.prop([name])('is reflexive', (a) => {
    expect(namesAgree(a, a)).toBe(true)
  })
})
