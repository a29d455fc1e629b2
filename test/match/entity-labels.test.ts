import { describe, expect, it } from 'vitest'
import { componentLabels, entityLabels, pairsWithinLabels } from '../../src/match/entity-labels.js'

describe('entityLabels', () => {
  it('takes the first capture group of the pattern as the entity', () => {
    const labels = entityLabels(
      ['rec-1070-org', 'rec-5-dup-0', 'rec-1070-dup-0', 'other', null],
      /^rec-(\d+)-/,
    )
    expect([...labels]).toEqual([0, 1, 0, -1, -1])
  })

  it('uses the whole value without a pattern', () => {
    expect([...entityLabels(['3', '4', '3'], null)]).toEqual([0, 1, 0])
  })
})

describe('pairsWithinLabels', () => {
  it('pairs records of one label, keeping only considered pairs', () => {
    const keys = ['a:1', 'a:2', 'b:1']
    expect([...pairsWithinLabels([0, 0, 0], keys)].sort()).toEqual(['a:1 a:2', 'a:1 b:1', 'a:2 b:1'])
    const across = pairsWithinLabels([0, 0, 0], keys, (i, j) => keys[i]?.[0] !== keys[j]?.[0])
    expect([...across].sort()).toEqual(['a:1 b:1', 'a:2 b:1'])
    expect(pairsWithinLabels([-1, -1], ['x', 'y']).size).toBe(0)
  })
})

describe('componentLabels', () => {
  it('joins records through chains of true pairs', () => {
    const labels = componentLabels(5, [
      [3, 1],
      [1, 4],
    ])
    expect([...labels]).toEqual([0, 1, 2, 1, 1])
    expect([...componentLabels(2, [], (i) => i === 1)]).toEqual([0, -1])
  })
})
