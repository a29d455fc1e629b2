import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskIdsInText } from '../../src/serve/mask-ids.js'

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))

describe('maskIdsInText', () => {
  it('keeps the first six and last four characters of an 18-character ID, masks the birth date and sequence', () => {
    fc.assert(
      fc.property(
        digits(17),
        fc.constantFrom('0', '7', 'X', 'x'),
        fc.string({ maxLength: 8 }),
        (body, check, name) => {
          const id = `${body}${check}`
          const text = `${name.replace(/[0-9Xx*]/g, '')} ${id} 在全员人口库中`
          const masked = maskIdsInText(text)
          expect(masked).toBe(text.replace(id, `${id.slice(0, 6)}********${id.slice(14)}`))
        },
      ),
    )
  })
  it('masks a 15-digit ID and leaves dates and shorter numbers alone', () => {
    expect(maskIdsInText('王五 410105900101123 (1990-01-01) 第12号')).toBe(
      '王五 410105*****1123 (1990-01-01) 第12号',
    )
  })
})
