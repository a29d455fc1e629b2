import { fc } from '@fast-check/vitest'
import { expect, it } from 'vitest'
import { normalizeAddress } from '../../src/normalize/address.js'
import { foldPinyin } from '../../src/normalize/pinyin-fold.js'
const prefixes = ['河南省', '郑州市', '金水区', '二七区']
const addressChar = fc.constantFrom(...'河南省郑州市金水区二七路号楼栋幢座单元室户房层组第一二两三十百千〇零甲乙之0123456789-#aAB·()（） \u3000\u0301\u00A8'.split(''))
it('heavy', { timeout: 300000 }, () => {
  fc.assert(fc.property(fc.oneof(fc.array(addressChar, {maxLength: 25}).map(a => a.join('')), fc.string({unit:'binary'})), (raw) => {
    const once = normalizeAddress(raw, prefixes)
    expect(normalizeAddress(once.norm, prefixes).norm).toBe(once.norm)
  }), { numRuns: 100000 })
  fc.assert(fc.property(fc.string(), (p) => { expect(foldPinyin(foldPinyin(p))).toBe(foldPinyin(p)) }), { numRuns: 20000 })
})
