import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { normalizeSex } from '../../src/normalize/sex.js'

describe('normalizeSex', () => {
  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['男性', 'male'],
    ['女性', 'female'],
    ['1', 'male'],
    ['2', 'female'],
    ['１', 'male'],
    ['M', 'male'],
    ['f', 'female'],
    ['Male', 'male'],
    ['FEMALE', 'female'],
    ['Ｆ', 'female'],
    [' 男 ', 'male'],
    ['女\u3000', 'female'],
  ])('reads %j as %s', (raw, sex) => {
    expect(normalizeSex(raw)).toBe(sex)
  })

  it('reads numeric cells', () => {
    expect(normalizeSex(1)).toBe('male')
    expect(normalizeSex(2)).toBe('female')
  })

  it.each([['0'], ['9'], ['未知'], ['未说明'], [''], ['其他'], ['3']])('gives null for %j', (raw) => {
    expect(normalizeSex(raw)).toBeNull()
  })

  it('gives null for null and undefined', () => {
    expect(normalizeSex(null)).toBeNull()
    expect(normalizeSex(undefined)).toBeNull()
  })

  it("applies a source's own coding before the standard one", () => {
    const overrides = { '1': 'female', '0': 'male', 男: 'unknown', 甲: 'male' }
    expect(normalizeSex('1', overrides)).toBe('female')
    expect(normalizeSex('0', overrides)).toBe('male')
    expect(normalizeSex('男', overrides)).toBeNull()
    expect(normalizeSex(' 甲 ', overrides)).toBe('male') // matched by the cleaned form
    expect(normalizeSex('女', overrides)).toBe('female') // not overridden: standard reading
  })

  test.prop([fc.string({ unit: 'binary' })])('never throws and returns male, female or null', (raw) => {
    expect([null, 'male', 'female']).toContain(normalizeSex(raw, { x: 'male' }))
  })
})
