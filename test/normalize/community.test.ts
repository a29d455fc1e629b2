import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { buildCommunityResolver, resolveCommunity } from '../../src/normalize/community.js'

const communities = [
  { code: '410105001001', name: '经三路社区', aliases: ['经三路居委会'] },
  { code: '410105001002', name: '文化路社区居委会' },
  { code: '410105101001', name: '李庄村委会' },
  { code: '410105101002', name: '新村' },
  { code: '410105001003', name: '金水社区' },
  { code: '410105101003', name: '金水村' },
  { code: '410105001004', name: '花园社区', aliases: ['花园'] },
  { code: '410105001005', name: '花园新区社区' },
]

describe('resolveCommunity', () => {
  it.each([
    ['经三路社区', '410105001001'],
    ['经三路居委会', '410105001001'], // alias
    ['经三路', '410105001001'], // bare name
    ['经三路社区居委会', '410105001001'],
    [' 经三路 社区 ', '410105001001'],
    ['文化路社区', '410105001002'],
    ['文化路', '410105001002'],
    ['李庄村', '410105101001'],
    ['李庄', '410105101001'],
    ['李庄村民委员会', '410105101001'],
    ['新村', '410105101002'], // too short to drop 村
    ['金水村', '410105101003'], // the real 金水村, not 金水社区
    ['金水社区', '410105001003'],
    ['410105001004', '410105001004'], // the code itself
    ['金水区文化路街道经三路社区', '410105001001'], // a path: found inside the column
  ])('resolves the column %j', (community, code) => {
    expect(resolveCommunity({ community }, communities)).toBe(code)
  })

  it.each([
    ['河南省郑州市金水区文化路街道经三路社区纬五路21号', '410105001001'],
    ['金水区李庄村5组', '410105101001'],
    ['经三路居委会纬五路3号', '410105001001'],
    ['花园新区社区8号楼', '410105001005'], // longest at the leftmost position, not 花园
    ['花园路8号', '410105001004'], // 花园 is listed as an alias, so it is searched
    ['金水路8号', null], // the bare name 金水 is not an alias: 金水路 is a road
    ['未知地址', null],
  ])('falls back to the address %j', (address, code) => {
    expect(resolveCommunity({ community: null, address }, communities)).toBe(code)
    expect(resolveCommunity({ community: '其他', address }, communities)).toBe(code)
  })

  it('prefers the community column to the address', () => {
    expect(resolveCommunity({ community: '李庄村', address: '经三路社区纬五路21号' }, communities)).toBe(
      '410105101001',
    )
  })

  it('gives null when two communities claim the same text', () => {
    const twins = [
      { code: 'a', name: '东风社区' },
      { code: 'b', name: '东风村' },
    ]
    expect(resolveCommunity({ community: '东风' }, twins)).toBeNull()
    expect(resolveCommunity({ community: '东风社区' }, twins)).toBe('a')
    expect(resolveCommunity({ community: '东风村' }, twins)).toBe('b')
  })

  it('gives null with nothing to go on', () => {
    expect(resolveCommunity({}, communities)).toBeNull()
    expect(resolveCommunity({ community: '', address: '' }, [])).toBeNull()
  })

  const suffix = fc.constantFrom('社区', '社区居委会', '居委会', '居民委员会')
  test.prop([
    fc.uniqueArray(fc.stringMatching(/^[东南西北中前后新老]{2,3}$/), { minLength: 1, maxLength: 8 }),
    fc.nat(),
    suffix,
  ])("resolves every community's name, written with any suffix, to its code", (bases, pick, ending) => {
    const list = bases.map((base, i) => ({ code: String(i), name: `${base}社区` }))
    const resolve = buildCommunityResolver(list)
    const i = pick % bases.length
    expect(resolve({ community: bases[i] + ending })).toBe(String(i))
    expect(resolve({ address: `纬五路${bases[i]}社区8号` })).not.toBeNull()
  })

  test.prop([fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })])(
    'never throws',
    (community, address) => {
      const code = resolveCommunity({ community, address }, communities)
      expect(code === null || communities.some((c) => c.code === code)).toBe(true)
    },
  )
})
