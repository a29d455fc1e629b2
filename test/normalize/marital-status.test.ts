import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { maritalStatuses } from '../../src/domain/marital-status.js'
import { normalizeMaritalStatus } from '../../src/normalize/marital-status.js'

describe('normalizeMaritalStatus', () => {
  it.each([
    ['10', 'single'],
    ['20', 'married'],
    ['21', 'married'],
    ['22', 'married'],
    ['23', 'married'],
    ['30', 'widowed'],
    ['40', 'divorced'],
    ['未婚', 'single'],
    ['已婚', 'married'],
    ['初婚', 'married'],
    ['再婚', 'married'],
    ['复婚', 'married'],
    ['有配偶', 'married'],
    ['丧偶', 'widowed'],
    ['离婚', 'divorced'],
    ['离异', 'divorced'],
    ['２０', 'married'],
    [' 已 婚 ', 'married'],
    ['Married', 'married'],
  ])('reads %j as %s', (raw, status) => {
    expect(normalizeMaritalStatus(raw)).toBe(status)
  })

  it('reads numeric cells', () => {
    expect(normalizeMaritalStatus(10)).toBe('single')
    expect(normalizeMaritalStatus(40)).toBe('divorced')
  })

  it.each([['90'], ['未说明'], [''], ['1'], ['3'], ['不详']])('gives null for %j', (raw) => {
    expect(normalizeMaritalStatus(raw)).toBeNull()
  })

  it("applies a source's own coding before the standard one", () => {
    const overrides = { '1': 'single', '2': 'married', '3': 'widowed', '10': 'unknown' }
    expect(normalizeMaritalStatus('1', overrides)).toBe('single')
    expect(normalizeMaritalStatus('3', overrides)).toBe('widowed')
    expect(normalizeMaritalStatus('10', overrides)).toBeNull()
    expect(normalizeMaritalStatus('离婚', overrides)).toBe('divorced')
  })

  test.prop([fc.string({ unit: 'binary' })])('never throws and returns a status or null', (raw) => {
    const status = normalizeMaritalStatus(raw)
    if (status !== null) expect(maritalStatuses).toContain(status)
  })
})
