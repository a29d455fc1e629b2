import { dayNumber, dayParts } from '../domain/day-number.js'
import { addInflowGroup } from './add-inflow-group.js'
import { fates, type SimEvent } from './population.js'
import { bear } from './simulate-births.js'
import { correct } from './simulate-corrections.js'
import { die } from './simulate-deaths.js'
import { divorce, marry } from './simulate-marriages.js'
import { moveIn, moveOut } from './simulate-moves.js'
import type { SimulationContext } from './simulation-context.js'

/**
 * Yearly event rates per person living in the district (crude rates, ‰ ÷ 1000), close to
 * Zhengzhou and national figures for 2020–2024: births ≈ 7.5 ‰, deaths ≈ 6.8 ‰, marriages
 * ≈ 5.5 ‰ (couples), divorces ≈ 1.8 ‰ (couples). Documented in docs/generator.md.
 */
export const eventRates = {
  birth: 0.0075,
  death: 0.0068,
  marriage: 0.0055,
  divorce: 0.0018,
  moveOut: 0.01,
  moveIn: 0.012,
  inflowArrival: 0.02,
  correction: 0.0015,
} as const

/**
 * Runs the event window month by month: births to married women living here, deaths weighted
 * by age (Gompertz), marriages and divorces, hukou moves out and in, new inflow migrants and
 * name corrections. Mutates the people involved and appends to `events`.
 */
export function simulateEvents(ctx: SimulationContext, events: SimEvent[]): void {
  const { rng } = ctx
  const base = ctx.persons.filter((p) => p.fate === fates.alive && (p.hukouLocal || p.residence >= 0)).length
  const expected = (rate: number): number => {
    const x = (base * rate) / 12
    return Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0)
  }
  const mothers = new Set<number>()
  for (let start = ctx.windowStart; start <= ctx.windowEnd; ) {
    const p = dayParts(start)
    const end = Math.min(
      ctx.windowEnd,
      dayNumber(p.m === 12 ? p.y + 1 : p.y, p.m === 12 ? 1 : p.m + 1, 1) - 1,
    )
    const dayIn = (): number => start + rng.int(end - start + 1)
    for (let n = expected(eventRates.death); n > 0; n--) die(ctx, events, dayIn())
    for (let n = expected(eventRates.birth); n > 0; n--) bear(ctx, events, dayIn(), mothers)
    for (let n = expected(eventRates.marriage); n > 0; n--) marry(ctx, events, dayIn())
    for (let n = expected(eventRates.divorce); n > 0; n--) divorce(ctx, events, dayIn())
    for (let n = expected(eventRates.moveOut); n > 0; ) n -= moveOut(ctx, events, dayIn())
    for (let n = expected(eventRates.moveIn); n > 0; ) n -= moveIn(ctx, events, dayIn())
    for (let n = expected(eventRates.inflowArrival); n > 0; ) {
      const day = dayIn()
      const group = addInflowGroup(ctx, day, day)
      for (const q of group)
        events.push({ type: 'inflow', day, person: q.id, other: -1, policeDay: day, recordDay: -1 })
      n -= group.length
    }
    for (let n = expected(eventRates.correction); n > 0; n--) correct(ctx, events, dayIn())
    start = end + 1
  }
  events.sort((a, b) => a.day - b.day || a.person - b.person)
}
