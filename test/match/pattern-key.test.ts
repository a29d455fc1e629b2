import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { decodePatternKey, maxPatternComparisons, patternKey } from '../../src/match/pattern-key.js'

const vector = fc.array(fc.integer({ min: -1, max: 14 }), { minLength: 1, maxLength: maxPatternComparisons })

describe('patternKey', () => {
  it('packs level + 1 in 4 bits per comparison, first comparison lowest', () => {
    expect(patternKey([2, -1, 0])).toBe(3 + 0 * 16 + 1 * 256)
  })

  test.prop([vector])('round-trips through decodePatternKey', (v) => {
    expect([...decodePatternKey(patternKey(v), v.length)]).toEqual(v)
  })

  test.prop([vector, vector])('distinct vectors of one length get distinct keys', (a, b) => {
    fc.pre(a.length === b.length)
    expect(patternKey(a) === patternKey(b)).toBe(a.every((level, c) => level === b[c]))
  })
})
