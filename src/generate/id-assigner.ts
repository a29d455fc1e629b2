import { dayParts } from '../domain/day-number.js'
import { residentIdCheckChar } from '../domain/resident-id.js'
import type { Rng } from './create-rng.js'

/** Issues resident IDs: unique per person, sequence parity matching sex. */
export type IdAssigner = (region: string, birth: number, sex: 1 | 2) => string

/**
 * Creates an ID issuer. Within one region and birth date each sex has 500 sequence numbers;
 * they are handed out from a random start in steps of 7 (coprime to 500), so two people born
 * the same day in the same county get IDs a few digits apart, as in life.
 */
export function createIdAssigner(rng: Rng): IdAssigner {
  const counters = new Map<number, number>()
  return (region, birth, sex) => {
    const p = dayParts(birth)
    const date = `${p.y}${p.m < 10 ? '0' : ''}${p.m}${p.d < 10 ? '0' : ''}${p.d}`
    // A numeric key (region, day, sex) keeps a million entries cheap.
    const key = (Number(region) * 100000 + birth + 50000) * 2 + sex
    let n = counters.get(key)
    if (n === undefined) n = rng.int(500) * 1000
    counters.set(key, n + 1)
    const k = (Math.floor(n / 1000) + (n % 1000) * 7) % 500
    const seq = String(k * 2 + (sex === 1 ? 1 : 0)).padStart(3, '0')
    const body = `${region}${date}${seq}`
    return body + residentIdCheckChar(body)
  }
}
