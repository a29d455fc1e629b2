import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { clusterLinks } from '../../src/match/cluster.js'

const links = (pairs: readonly (readonly [number, number])[]) => ({
  left: pairs.map(([l]) => l),
  right: pairs.map(([, r]) => r),
})

describe('clusterLinks', () => {
  it('joins chains into connected components numbered by smallest member', () => {
    const result = clusterLinks(
      6,
      links([
        [4, 3],
        [2, 1],
        [1, 0],
      ]),
    )
    expect(result.clusters).toEqual([
      [0, 1, 2],
      [3, 4],
    ])
    expect([...result.clusterOf]).toEqual([0, 0, 0, 1, 1, 2])
    expect(result.flagged).toEqual([])
  })

  it('refuses to merge two different people born the same day, and flags the link', () => {
    const a = '41010519900307123X' // male, 1990-03-07
    const b = '410105199003071256' // another male born that day in the same county
    const validIds = [a, null, b, '410105199003071248'] // record 3: a woman born the same day
    const result = clusterLinks(
      4,
      links([
        [0, 1],
        [1, 2],
        [1, 3],
      ]),
      validIds,
    )
    expect(result.clusters).toEqual([[0, 1, 3]])
    expect(result.flagged).toEqual([{ link: 1, left: 1, right: 2, ids: [b, a].sort() }])
  })

  it('lets one person’s ID join its other records', () => {
    const a = '41010519900307123X'
    const result = clusterLinks(
      3,
      links([
        [0, 1],
        [1, 2],
      ]),
      [a, null, a],
    )
    expect(result.clusters).toEqual([[0, 1, 2]])
    expect(result.flagged).toEqual([])
  })

  const pairs = fc.array(fc.tuple(fc.nat(19), fc.nat(19)), { maxLength: 40 })
  test.prop([pairs, fc.integer()])(
    'gives the same clusters whatever order unguarded links come in',
    (p, seed) => {
      const shuffled = [...p].sort(
        (x, y) => ((x[0] * 31 + x[1] + seed) % 7) - ((y[0] * 31 + y[1] + seed) % 7),
      )
      const a = clusterLinks(20, links(p))
      const b = clusterLinks(20, links(shuffled))
      expect([...b.clusterOf]).toEqual([...a.clusterOf])
      expect(b.clusters).toEqual(a.clusters)
    },
  )
})
