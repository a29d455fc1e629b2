import { describe, expect, it } from 'vitest'
import { buildCodeReader } from '../../src/normalize/code-reader.js'

type Colour = 'red' | 'blue'
const read = buildCodeReader<Colour>(
  new Map<string, Colour>([
    ['1', 'red'],
    ['红', 'red'],
    ['blue', 'blue'],
  ]),
  (v): v is Colour => v === 'red' || v === 'blue',
)

describe('buildCodeReader', () => {
  it('reads codes and words as written or after width folding, spaces and case', () => {
    expect(read('红')).toBe('red')
    expect(read('１')).toBe('red')
    expect(read(1)).toBe('red')
    expect(read(' BLUE\u200B')).toBe('blue')
    expect(read('绿')).toBeNull()
    expect(read(null)).toBeNull()
  })

  it('lets a source override the table, and an override outside the value set means unknown', () => {
    expect(read('1', { '1': 'blue' })).toBe('blue')
    expect(read(' 9 ', { '9': 'red' })).toBe('red')
    expect(read('红', { 红: 'purple' })).toBeNull()
  })
})
