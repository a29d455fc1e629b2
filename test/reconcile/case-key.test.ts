import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { caseKey, fnv1a64Hex } from '../../src/reconcile/case-key.js'

describe('fnv1a64Hex', () => {
  it('gives the published FNV-1a 64-bit test vectors', () => {
    // From the FNV reference test suite (Fowler/Noll/Vo).
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325')
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8')
  })

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    // Computed independently (Python, over '王'.encode('utf-8') = E7 8E 8B).
    expect(fnv1a64Hex('王')).toBe('2790c81b6ce9ae69')
  })

  it('tells apart Chinese texts one character apart', () => {
    expect(fnv1a64Hex('王丽')).not.toBe(fnv1a64Hex('王莉'))
  })
})

describe('caseKey', () => {
  test.prop([fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 6 })])(
    'does not depend on the order of the fingerprints',
    (fps) => {
      expect(caseKey('duplicate', [...fps].reverse())).toBe(caseKey('duplicate', fps))
    },
  )

  it('starts with the check id and differs between checks over the same records', () => {
    const fps = ['register-persons|subject|recordNo:A1']
    expect(caseKey('stale-death', fps)).toMatch(/^stale-death:[0-9a-f]{16}$/)
    expect(caseKey('stale-death', fps)).not.toBe(caseKey('stale-move-out', fps))
  })
})
