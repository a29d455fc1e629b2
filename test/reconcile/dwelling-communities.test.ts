import { describe, expect, it } from 'vitest'
import type { MissingCheck } from '../../src/reconcile/check.js'
import { placeByDwelling } from '../../src/reconcile/dwelling-communities.js'
import { reconcile } from '../../src/reconcile/reconcile.js'
import { input, rec } from './build-input.js'

const C1 = '410105001001'
const C2 = '410105001002'

describe('placeByDwelling', () => {
  const place = placeByDwelling([
    { community: C1, dwelling: '丰庆路230号院11幢4单元404室' },
    { community: C1, dwelling: '丰庆路230号院2幢1单元101室' },
    { community: C2, dwelling: '任砦路42号院18幢4单元1703室' },
    // A boundary compound: two communities claim it.
    { community: C1, dwelling: '经三路8号院1幢101室' },
    { community: C2, dwelling: '经三路8号院2幢101室' },
    { community: null, dwelling: '纬五路3号院1幢101室' },
  ])

  it('places a flat the register knows', () => {
    expect(place('任砦路42号院18幢4单元1703室')).toBe(C2)
  })

  it('places an unknown flat by its compound when every placed record there agrees', () => {
    expect(place('丰庆路230号院7幢2单元302室')).toBe(C1)
  })

  it('answers nothing where the placed records disagree, or nobody placed is known', () => {
    expect(place('经三路8号院3幢101室')).toBeNull()
    expect(place('经三路8号院1幢101室')).toBe(C1) // the flat itself is unambiguous
    expect(place('纬五路3号院1幢101室')).toBeNull()
    expect(place('周口市商水县新华街道13庄28号')).toBeNull()
    expect(place(null)).toBeNull()
    expect(place('')).toBeNull()
  })
})

describe('a case with no placed record', () => {
  const inflow: MissingCheck = {
    id: 'missing-inflow',
    name: '流入漏管',
    label: 'unregistered inflow',
    kind: 'missing',
    from: [{ sources: ['police-temporary'], sex: 'female' }],
    in: [{ sources: ['register-persons'] }],
  }

  it('goes to the community the register places its flat in, and says it was inferred', () => {
    const records = [
      rec({ source: 'register-persons', line: 2, community: C2, dwelling: '任砦路42号院18幢4单元1701室' }),
      rec({ source: 'police-temporary', line: 2, sex: 'female', dwelling: '任砦路42号院18幢4单元1703室' }),
    ]
    const [c] = reconcile(input(records), [inflow], { period: '2026-10' })
    expect(c?.community).toBe(C2)
    expect(c?.communityBy).toBe('dwelling')
  })

  it('stays 未能定位 when the flat is unknown', () => {
    const records = [rec({ source: 'police-temporary', line: 2, sex: 'female', dwelling: '任砦路1号' })]
    const [c] = reconcile(input(records), [inflow], { period: '2026-10' })
    expect(c?.community).toBeNull()
    expect(c?.communityBy).toBeNull()
  })
})

describe('placeByDwelling by street', () => {
  const placed = (community: string, dwelling: string) => ({ community, dwelling })
  const onStreet = (n: number, community: string, from = 1) =>
    Array.from({ length: n }, (_, k) => placed(community, `优胜路${from + k}号院1幢1单元101室`))

  it('places a flat nobody placed lives in by its street when nine in ten of the street are one community’s', () => {
    const place = placeByDwelling([...onStreet(9, 'A'), ...onStreet(1, 'B', 50)])
    expect(place('优胜路99号院3幢2单元502室')).toBe('A')
  })

  it('answers nothing for a street shared by communities or known from too few records', () => {
    expect(placeByDwelling([...onStreet(8, 'A'), ...onStreet(2, 'B', 50)])('优胜路99号院1幢')).toBeNull()
    expect(placeByDwelling(onStreet(4, 'A'))('优胜路99号院1幢')).toBeNull()
  })

  it('never overrides what the flat or compound says', () => {
    const place = placeByDwelling([...onStreet(9, 'A'), placed('B', '优胜路77号院2幢1单元101室')])
    expect(place('优胜路77号院5幢1单元101室')).toBe('B')
  })
})
