import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { likelySlipFor, NameCharCounts } from '../../src/reconcile/name-char-counts.js'

describe('NameCharCounts', () => {
  it('counts each character once per person, however many records carry it', () => {
    const counts = new NameCharCounts(['李伟', '李伟', '王伟', null, '伟伟'], [1, 1, 2, 3, 4])
    expect(counts.count('伟')).toBe(3)
    expect(counts.count('李')).toBe(1)
    expect(counts.count('巍')).toBe(0)
  })
})

describe('likelySlipFor', () => {
  // 伟 in 40 persons' names, 巍 in one: 巍 for 伟 is a slip at ratio 8 (41 ≥ 8 × 2), not at 32.
  const names = [...Array.from({ length: 40 }, (_, i) => `李${'伟'}${i % 2 === 0 ? '' : '东'}`), '张巍']
  const counts = new NameCharCounts(
    names,
    names.map((_, i) => i),
  )

  it('reads a one-character change to a far rarer character as a slip', () => {
    expect(likelySlipFor('李巍', '李伟', counts, 8)).toBe(true)
    expect(likelySlipFor('李巍', '李伟', counts, 32)).toBe(false)
  })

  it('never reads the commoner spelling as the slip', () => {
    expect(likelySlipFor('李伟', '李巍', counts, 1.5)).toBe(false)
  })

  it('is false for equal names, other lengths and more than one changed character', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 64 }),
        (name, ratio) => {
          expect(likelySlipFor(name, name, counts, ratio)).toBe(false)
          expect(likelySlipFor(`${name}伟`, name, counts, ratio)).toBe(false)
        },
      ),
    )
    expect(likelySlipFor('张巍巍', '李伟伟', counts, 1)).toBe(false)
  })
})
