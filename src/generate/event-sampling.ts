import { fates, type Person } from './population.js'
import type { SimulationContext } from './simulation-context.js'

/** Draws a random person meeting `accept` (rejection sampling; gives up after many tries). */
export function drawPerson(ctx: SimulationContext, accept: (p: Person) => boolean): Person | null {
  for (let tries = 0; tries < 20000; tries++) {
    const p = ctx.persons[ctx.rng.int(ctx.persons.length)] as Person
    if (p.fate === fates.alive && accept(p)) return p
  }
  return null
}

/** Lives in the district: has a dwelling here or a local hukou. */
export const livesHere = (p: Person): boolean => p.residence >= 0 || p.hukouLocal

/** `day` if it falls in the event window, else -1 (the agency has not recorded it yet). */
export const dayWithinWindow = (ctx: SimulationContext, day: number): number =>
  day <= ctx.windowEnd ? day : -1
