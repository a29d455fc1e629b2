import { ageOn, dayParts } from '../domain/day-number.js'
import { drawPerson } from './event-sampling.js'
import type { SimEvent } from './population.js'
import type { SimulationContext } from './simulation-context.js'
import { surnameOf } from './surname-of.js'

/** 变更更正: mostly children renamed after registration; the old name becomes 曾用名. */
export function correct(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const p = drawPerson(
    ctx,
    (q) =>
      q.hukouLocal &&
      q.formerName === '' &&
      !q.name.includes('·') &&
      ageOn(q.birth, day) < (rng.chance(0.8) ? 14 : 70),
  )
  if (!p) return
  const surname = surnameOf(p)
  let given = p.name.slice(surname.length)
  for (let i = 0; i < 5 && given === p.name.slice(surname.length); i++)
    given = ctx.names.given(rng, p.sex, dayParts(p.birth).y)
  if (surname + given === p.name) return
  p.formerName = p.name
  p.name = surname + given
  events.push({ type: 'correction', day, person: p.id, other: -1, policeDay: day, recordDay: -1 })
}
