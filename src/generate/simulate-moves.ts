import { drawPerson } from './event-sampling.js'
import { fates, type SimEvent } from './population.js'
import {
  addHousehold,
  addPerson,
  birthDayForAge,
  foreignRegion,
  type SimulationContext,
} from './simulation-context.js'
import { surnameOf } from './surname-of.js'

/** Moves one person (60 %) or a whole household out; returns how many moved. */
export function moveOut(ctx: SimulationContext, events: SimEvent[], day: number): number {
  const { rng } = ctx
  const p = drawPerson(ctx, (q) => q.hukouLocal && q.origin !== 'history')
  if (!p) return 1
  const movers = rng.chance(0.4)
    ? ctx.persons
        .slice(Math.max(0, p.id - 8), p.id + 8)
        .filter((q) => q.household === p.household && q.hukouLocal && q.fate === fates.alive)
    : [p]
  for (const q of movers) {
    q.fate = fates.movedOut
    q.fateDay = day
    q.residence = -1
    q.dwelling = -1
    events.push({ type: 'move-out', day, person: q.id, other: -1, policeDay: day, recordDay: -1 })
  }
  return Math.max(1, movers.length)
}

/** A household of 1–4 moves its hukou in from elsewhere; returns its size. */
export function moveIn(ctx: SimulationContext, events: SimEvent[], day: number): number {
  const { rng } = ctx
  const community = rng.int(ctx.district.communities.length)
  const h = addHousehold(ctx, community)
  const region = foreignRegion(ctx).code
  const size = rng.between(1, 4)
  const headAge = rng.between(size > 2 ? 28 : 22, size > 2 ? 45 : 60)
  const head = addPerson(ctx, {
    sex: 1,
    birth: birthDayForAge(ctx, headAge, day),
    region,
    origin: 'moved-in',
  })
  const members = [head]
  head.relation = '户主'
  head.marital = size > 1 ? 20 : 10
  if (size > 1) {
    const wife = addPerson(ctx, {
      sex: 2,
      birth: birthDayForAge(ctx, Math.max(20, headAge - rng.between(0, 4)), day),
      region,
      origin: 'moved-in',
    })
    wife.relation = '妻'
    wife.marital = 20
    wife.spouse = head.id
    head.spouse = wife.id
    members.push(wife)
    for (let i = 2; i < size; i++) {
      const sex = rng.chance(0.52) ? 1 : 2
      const kid = addPerson(ctx, {
        sex,
        birth: birthDayForAge(ctx, Math.max(0, headAge - rng.between(24, 36)), day),
        region,
        origin: 'moved-in',
        surname: surnameOf(head),
      })
      kid.relation = sex === 1 ? (i === 2 ? '长子' : '次子') : i === 2 ? '长女' : '次女'
      kid.father = head.id
      kid.mother = wife.id
      members.push(kid)
    }
  }
  for (const q of members) {
    q.hukouLocal = true
    q.household = h.index
    q.community = community
    q.residence = community
    q.dwelling = h.index
    q.registeredDay = day
    events.push({ type: 'move-in', day, person: q.id, other: -1, policeDay: day, recordDay: -1 })
  }
  return size
}
