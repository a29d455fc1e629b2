import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { withinEdits } from '../../../src/match/comparators/edit-distance.js'

const text = fc.string({ unit: fc.constantFrom('建', '设', '路', '1', '2', '号'), maxLength: 8 })

describe('withinEdits', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(withinEdits(1)('建设路12号', '建设路13号')).toBe(true)
    expect(withinEdits(1)('建设路12号', '建设路号')).toBe(false)
    expect(withinEdits(2)('建设路12号', '建设路号')).toBe(true)
    expect(withinEdits(0)('', '')).toBe(true)
  })

  test.prop([text, text])('is symmetric', (a, b) => {
    expect(withinEdits(2)(a, b)).toBe(withinEdits(2)(b, a))
  })

  test.prop([text, text, fc.integer({ min: 0, max: 4 })])(
    'within k edits implies within k + 1',
    (a, b, k) => {
      if (withinEdits(k)(a, b)) expect(withinEdits(k + 1)(a, b)).toBe(true)
    },
  )
})
