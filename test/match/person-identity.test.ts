import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { assignPersons, formatPersonId, type PersonAssignment } from '../../src/match/person-identity.js'

/**
 * A hand-built month: clusters as lists of fingerprints. Returns the input assignPersons takes,
 * records in the order written.
 */
function month(clusters: readonly (readonly string[])[]) {
  const fingerprints: string[] = []
  const clusterOf: number[] = []
  clusters.forEach((members, c) => {
    for (const f of members) {
      fingerprints.push(f)
      clusterOf.push(c)
    }
  })
  return { fingerprints, clusterOf }
}

/** fingerprint → person number of a result, to feed the next month. */
function carried(m: { fingerprints: string[] }, r: PersonAssignment): Map<string, number> {
  return new Map(m.fingerprints.map((f, i) => [f, r.personOf[i] as number]))
}

/** Each record's person number, keyed by fingerprint, for readable expectations. */
function byFingerprint(m: { fingerprints: string[] }, r: PersonAssignment): Record<string, number> {
  return Object.fromEntries(m.fingerprints.map((f, i) => [f, r.personOf[i] as number]))
}

describe('assignPersons', () => {
  it('gives a first month’s clusters new numbers in the order of their first record', () => {
    const m = month([['reg|a', 'pol|a'], ['reg|b'], ['reg|c', 'civ|c']])
    const r = assignPersons({ ...m, previous: new Map(), nextNumber: 10 })
    expect(byFingerprint(m, r)).toEqual({ 'reg|a': 10, 'pol|a': 10, 'reg|b': 11, 'reg|c': 12, 'civ|c': 12 })
    expect(r.counts).toEqual({ new: 3, continuing: 0, merged: 0, split: 0 })
    expect(r.events).toEqual([])
    expect(r.nextNumber).toBe(13)
  })

  it('keeps each person’s number next month, whatever the record order, and mints only for newcomers', () => {
    const october = month([['reg|a', 'pol|a'], ['reg|b']])
    const oct = assignPersons({ ...october, previous: new Map(), nextNumber: 1 })
    // November: the exports come in another order, b gains a police record, d is new.
    const november = month([['reg|d'], ['pol|b', 'reg|b'], ['pol|a', 'reg|a']])
    const nov = assignPersons({ ...november, previous: carried(october, oct), nextNumber: oct.nextNumber })
    expect(byFingerprint(november, nov)).toEqual({
      'reg|d': 3,
      'pol|b': 2,
      'reg|b': 2,
      'pol|a': 1,
      'reg|a': 1,
    })
    expect(nov.counts).toEqual({ new: 1, continuing: 2, merged: 0, split: 0 })
    expect(nov.persons.map((p) => [p.number, p.status, p.records])).toEqual([
      [3, 'new', 1],
      [2, 'continuing', 2],
      [1, 'continuing', 2],
    ])
  })

  it('keeps the number most of a merged cluster’s records had, and logs the other as absorbed', () => {
    const previous = new Map([
      ['reg|a', 1],
      ['reg|b', 2],
      ['pol|b', 2],
    ])
    const m = month([['reg|a', 'reg|b', 'pol|b']])
    const r = assignPersons({ ...m, previous, nextNumber: 3 })
    expect([...r.personOf]).toEqual([2, 2, 2])
    expect(r.events).toEqual([{ kind: 'merge', person: 2, other: 1, records: 1 }])
    expect(r.counts).toEqual({ new: 0, continuing: 0, merged: 1, split: 0 })
  })

  it('keeps the oldest number when a merge is a tie', () => {
    const previous = new Map([
      ['reg|a', 7],
      ['reg|b', 4],
    ])
    const m = month([['reg|a', 'reg|b']])
    const r = assignPersons({ ...m, previous, nextNumber: 8 })
    expect([...r.personOf]).toEqual([4, 4])
    expect(r.events).toEqual([{ kind: 'merge', person: 4, other: 7, records: 1 }])
  })

  it('keeps the number on the part of a split holding more of its records, and numbers the rest anew', () => {
    const previous = new Map([
      ['reg|a', 5],
      ['pol|a', 5],
      ['civ|a', 5],
    ])
    // The civil-affairs record now stands apart (with a new record of its own).
    const m = month([
      ['civ|a', 'hea|x'],
      ['reg|a', 'pol|a'],
    ])
    const r = assignPersons({ ...m, previous, nextNumber: 6 })
    expect(byFingerprint(m, r)).toEqual({ 'civ|a': 6, 'hea|x': 6, 'reg|a': 5, 'pol|a': 5 })
    expect(r.events).toEqual([{ kind: 'split', person: 5, other: 6, records: 1 }])
    expect(r.counts).toEqual({ new: 0, continuing: 1, merged: 0, split: 1 })
  })

  it('on an even split keeps the number on the part whose first record comes first', () => {
    const previous = new Map([
      ['a', 3],
      ['b', 3],
    ])
    const m = month([['b'], ['a']])
    const r = assignPersons({ ...m, previous, nextNumber: 4 })
    expect(byFingerprint(m, r)).toEqual({ b: 3, a: 4 })
    expect(r.events).toEqual([{ kind: 'split', person: 3, other: 4, records: 1 }])
  })

  it('lets a split-off part that also holds another person’s records continue that person', () => {
    // 1 = {a, b}, 2 = {c}; now {a} and {b, c}: b leaves 1 and joins 2.
    const previous = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ])
    const m = month([['a'], ['b', 'c']])
    const r = assignPersons({ ...m, previous, nextNumber: 3 })
    expect(byFingerprint(m, r)).toEqual({ a: 1, b: 2, c: 2 })
    expect(r.events).toEqual([{ kind: 'split', person: 1, other: 2, records: 1 }])
    expect(r.counts).toEqual({ new: 0, continuing: 2, merged: 0, split: 0 })
    expect(r.nextNumber).toBe(3)
  })

  it('gives a re-linked month’s new persons the numbers its replaced linkage gave them', () => {
    const m = month([['x', 'y'], ['z']])
    const first = assignPersons({ ...m, previous: new Map([['y', 1]]), nextNumber: 2 })
    expect(byFingerprint(m, first)).toEqual({ x: 1, y: 1, z: 2 })
    // Linked again after other numbers were given: z keeps 2, nothing is minted.
    const again = assignPersons({
      ...m,
      previous: new Map([['y', 1]]),
      earlier: carried(m, first),
      nextNumber: 9,
    })
    expect([...again.personOf]).toEqual([...first.personOf])
    expect(again.events).toEqual(first.events)
    expect(again.counts).toEqual(first.counts)
    expect(again.nextNumber).toBe(9)
  })

  it('formats numbers as eight-digit person IDs', () => {
    expect(formatPersonId(42)).toBe('P00000042')
  })
})

// A random month: n records with distinct fingerprints f0…, each in one of up to k clusters.
const arbitraryMonth = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    fingerprints: fc.constant(Array.from({ length: n }, (_, i) => `f${i}`)),
    clusterOf: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
  }),
)

const arbitraryPrevious = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 15 })), { maxLength: 40 })
  .map((entries) => new Map(entries.map(([f, p]) => [`f${f}`, p])))

describe('assignPersons, for any months', () => {
  test.prop([arbitraryMonth, arbitraryPrevious])(
    'gives one number per cluster, distinct between clusters',
    (m, previous) => {
      const r = assignPersons({ ...m, previous, nextNumber: 16 })
      const numberOfCluster = new Map<number, number>()
      m.clusterOf.forEach((c, i) => {
        const known = numberOfCluster.get(c)
        if (known === undefined) numberOfCluster.set(c, r.personOf[i] as number)
        else expect(r.personOf[i]).toBe(known)
      })
      const numbers = [...numberOfCluster.values()]
      expect(new Set(numbers).size).toBe(numbers.length)
      expect(r.persons.length).toBe(numbers.length)
      const counts = r.counts
      expect(counts.new + counts.continuing + counts.merged + counts.split).toBe(numbers.length)
    },
  )

  test.prop([arbitraryMonth, arbitraryPrevious])(
    'only reuses previous numbers, and mints from nextNumber upwards',
    (m, previous) => {
      const r = assignPersons({ ...m, previous, nextNumber: 16 })
      const old = new Set(previous.values())
      for (const p of r.persons) {
        if (p.number < 16) expect(old.has(p.number)).toBe(true)
        else expect(p.number).toBeLessThan(r.nextNumber)
      }
      expect(r.nextNumber - 16).toBe(r.persons.filter((p) => p.number >= 16).length)
    },
  )

  test.prop([arbitraryMonth, arbitraryPrevious])(
    'gives the same numbers when the month is linked again, and mints nothing',
    (m, previous) => {
      const first = assignPersons({ ...m, previous, nextNumber: 16 })
      const again = assignPersons({
        ...m,
        previous,
        earlier: carried(m, first),
        nextNumber: first.nextNumber,
      })
      expect([...again.personOf]).toEqual([...first.personOf])
      expect(again.events).toEqual(first.events)
      expect(again.nextNumber).toBe(first.nextNumber)
    },
  )

  test.prop([arbitraryMonth])('carries every number over when the clusters do not change', (m) => {
    const first = assignPersons({ ...m, previous: new Map(), nextNumber: 1 })
    const next = assignPersons({ ...m, previous: carried(m, first), nextNumber: first.nextNumber })
    expect([...next.personOf]).toEqual([...first.personOf])
    expect(next.events).toEqual([])
    expect(next.counts.continuing).toBe(first.persons.length)
  })

  test.prop([arbitraryMonth, arbitraryPrevious])(
    'logs a previous number as merged only when no cluster kept it, and as split only when one did',
    (m, previous) => {
      const r = assignPersons({ ...m, previous, nextNumber: 16 })
      const kept = new Set(r.persons.map((p) => p.number))
      for (const e of r.events) {
        if (e.kind === 'merge') expect(kept.has(e.other)).toBe(false)
        else expect(kept.has(e.person)).toBe(true)
        expect(kept.has(e.kind === 'merge' ? e.person : e.other)).toBe(true)
      }
    },
  )
})
