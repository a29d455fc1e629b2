import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { memoizeByText } from '../../src/normalize/bounded-memo.js'
import { normalizeName } from '../../src/normalize/name.js'

describe('memoizeByText', () => {
  // Texts drawn from a small pool repeat, so the cache hits, overflows and starts over.
  const texts = fc.array(
    fc.oneof(
      fc.constantFrom('张伟', '单雪', '沈思波', '爱新觉罗·溥仪', '', ' 王 丽 ', '张丽之女'),
      fc.string(),
    ),
    { maxLength: 60 },
  )

  test.prop([texts, fc.integer({ min: 1, max: 8 })])(
    'answers every text exactly as the function does, hit or miss, at any size',
    (list, limit) => {
      const cached = memoizeByText(normalizeName, limit)
      for (const t of list) expect(cached(t)).toEqual(normalizeName(t))
    },
  )

  it('calls the function once per distinct text while it fits, and again after starting over', () => {
    const seen: string[] = []
    const cached = memoizeByText((t: string) => {
      seen.push(t)
      return t === 'none' ? undefined : t.length
    }, 2)
    for (const t of ['a', 'bb', 'a', 'bb', 'none', 'none', 'a']) cached(t)
    // 'none' (whose answer is undefined) is remembered too; the third distinct text starts over.
    expect(seen).toEqual(['a', 'bb', 'none', 'a'])
  })
})
