import { ageOn, dayNumber } from '../domain/day-number.js'
import { drawPerson } from './event-sampling.js'
import { fates, type Person, type SimEvent } from './population.js'
import { addPerson, birthDayForAge, foreignRegion, type SimulationContext } from './simulation-context.js'

/** Since 2025-05-10 a marriage may be registered anywhere in China (婚姻登记条例, Order 804). */
const nationwideMarriageFrom = dayNumber(2025, 5, 10)

/** A marriage of two singles of age, one of them possibly from outside the district. */
export function marry(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const single = (q: Person, lo: number, hi: number): boolean => {
    const age = ageOn(q.birth, day)
    return (
      age >= lo && age <= hi && (q.marital === 10 || q.marital === 40 || q.marital === 30) && q.spouse < 0
    )
  }
  const r = rng.next()
  const external = (sex: 1 | 2, lo: number, hi: number): Person => {
    const region = foreignRegion(ctx)
    const p = addPerson(ctx, {
      sex,
      birth: birthDayForAge(ctx, rng.between(lo, hi), day),
      region: region.code,
      origin: 'external',
    })
    p.hukouAddress = `${region.place}${rng.pick(['城关镇', '人民路', '解放路', '新华路'])}${rng.between(1, 200)}号`
    return p
  }
  let wife: Person | null
  let husband: Person | null
  if (r < 0.04) {
    if (day < nationwideMarriageFrom) return
    wife = external(2, 21, 34)
    husband = external(1, 23, 38)
  } else if (r < 0.14) {
    wife = drawPerson(
      ctx,
      (q) => q.sex === 2 && q.origin === 'inflow' && q.residence >= 0 && single(q, 20, 38),
    )
    if (!wife) return
    husband = rng.chance(0.5)
      ? drawPerson(ctx, (q) => q.sex === 1 && q.origin === 'inflow' && single(q, 22, 42))
      : null
    husband ??= external(1, 23, 38)
  } else {
    const localWife = r < 0.74
    const localHusband = r < 0.49 || r >= 0.74
    wife = localWife ? drawPerson(ctx, (q) => q.sex === 2 && q.hukouLocal && single(q, 20, 38)) : null
    husband = localHusband ? drawPerson(ctx, (q) => q.sex === 1 && q.hukouLocal && single(q, 22, 42)) : null
    if ((localWife && !wife) || (localHusband && !husband)) return
    wife ??= external(2, 21, 34)
    husband ??= external(1, 23, 38)
  }
  if (!wife || !husband || wife.id === husband.id) return
  for (const q of [wife, husband]) {
    q.marital = q.marital === 10 ? 20 : 22
    q.marriedDay = day
  }
  wife.spouse = husband.id
  husband.spouse = wife.id
  const anyLocal = wife.origin !== 'external' || husband.origin !== 'external'
  const registeredHere = anyLocal ? rng.chance(day < nationwideMarriageFrom ? 0.9 : 0.75) : true
  events.push({
    type: 'marriage',
    day,
    person: wife.id,
    other: husband.id,
    policeDay: -1,
    recordDay: registeredHere ? day : -1,
  })
  if (wife.origin === 'external' && husband.hukouLocal && husband.fate === fates.alive) {
    // The bride joins the husband's household: 55 % move their hukou in, the rest live here without it.
    wife.residence = husband.residence
    wife.dwelling = husband.dwelling
    if (rng.chance(0.55)) {
      const moveDay = day + rng.between(15, 120)
      if (moveDay <= ctx.windowEnd) {
        wife.hukouLocal = true
        wife.household = husband.household
        wife.community = husband.community
        wife.relation = husband.relation === '户主' ? '妻' : '儿媳'
        wife.registeredDay = moveDay
        events.push({
          type: 'move-in',
          day: moveDay,
          person: wife.id,
          other: -1,
          policeDay: moveDay,
          recordDay: -1,
        })
      }
    } else if (rng.chance(0.5)) wife.registeredDay = Math.min(ctx.windowEnd, day + rng.between(20, 120))
  } else if (husband.origin === 'external' && wife.hukouLocal && rng.chance(0.25)) {
    const moveDay = day + rng.between(30, 150)
    if (moveDay <= ctx.windowEnd) {
      wife.fate = fates.movedOut
      wife.fateDay = moveDay
      wife.residence = -1
      wife.dwelling = -1
      events.push({
        type: 'move-out',
        day: moveDay,
        person: wife.id,
        other: -1,
        policeDay: moveDay,
        recordDay: -1,
      })
    }
  }
}

/** A divorce of a local couple married before the window. */
export function divorce(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const wife = drawPerson(
    ctx,
    (q) =>
      q.sex === 2 && q.hukouLocal && q.marital >= 20 && q.marital < 30 && q.spouse >= 0 && q.marriedDay < 0,
  )
  const husband = wife ? ctx.persons[wife.spouse] : undefined
  if (!wife || !husband || husband.fate !== fates.alive) return
  wife.marital = 40
  husband.marital = 40
  wife.divorcedDay = day
  husband.divorcedDay = day
  events.push({
    type: 'divorce',
    day,
    person: wife.id,
    other: husband.id,
    policeDay: -1,
    recordDay: rng.chance(0.85) ? day : -1,
  })
}
