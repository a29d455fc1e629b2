import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { attributeNormalizers } from '../../src/domain/attribute.js'
import { normalizeAttribute } from '../../src/normalize/attribute.js'

describe('normalizeAttribute', () => {
  it.each([
    ['text', ' Mary  ANN ', 'mary ann'],
    ['text', 'Ｊｕｌｉａ\t', 'julia'],
    ['text', '   ', null],
    ['digits', ' 42-23 ', '4223'],
    ['digits', '４２２３', '4223'],
    ['digits', 'n/a', null],
    ['date', '19151111', '1915-11-11'],
    ['date', '2015-10-29', '2015-10-29'],
    ['date', '19650231', null],
    ['none', '  Keep Case ', 'Keep Case'],
    ['none', '', null],
  ] as const)('%s normalizes %j to %j', (normalizer, raw, expected) => {
    expect(normalizeAttribute(normalizer, raw)).toBe(expected)
  })

  it('keeps null as null', () => {
    for (const n of attributeNormalizers) expect(normalizeAttribute(n, null)).toBeNull()
  })

  test.prop([fc.constantFrom(...attributeNormalizers), fc.string()])('is idempotent', (normalizer, raw) => {
    const once = normalizeAttribute(normalizer, raw)
    expect(normalizeAttribute(normalizer, once)).toBe(once)
  })
})
