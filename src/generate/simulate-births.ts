import { ageOn } from '../domain/day-number.js'
import { dayWithinWindow, drawPerson } from './event-sampling.js'
import type { Person, SimEvent } from './population.js'
import { addPerson, birthDayForAge, foreignRegion, type SimulationContext } from './simulation-context.js'
import { surnameOf } from './surname-of.js'

/** Relative fertility by mother's age (peaks at 27–31). */
function fertility(age: number): number {
  if (age < 20 || age > 44) return 0
  return age < 27 ? 0.4 + (age - 20) * 0.085 : age <= 31 ? 1 : Math.max(0.05, 1 - (age - 31) * 0.075)
}

/** A child born to a married woman living here (at most one birth per mother in the window). */
export function bear(ctx: SimulationContext, events: SimEvent[], day: number, mothers: Set<number>): void {
  const { rng } = ctx
  const mother = drawPerson(
    ctx,
    (q) =>
      q.sex === 2 &&
      q.residence >= 0 &&
      q.spouse >= 0 &&
      !mothers.has(q.id) &&
      (q.marital === 20 || q.marital === 22) &&
      rng.chance(fertility(ageOn(q.birth, day))),
  )
  if (!mother) return
  mothers.add(mother.id)
  const father = ctx.persons[mother.spouse] as Person
  const sex = rng.chance(0.52) ? 1 : 2
  const region = mother.hukouLocal ? '410105' : mother.residentId.slice(0, 6)
  const surname = rng.chance(0.95) ? surnameOf(father) : surnameOf(mother)
  const child = addPerson(ctx, {
    sex,
    birth: day,
    region,
    origin: 'born',
    surname: surname || undefined,
    minority: !surname,
  })
  child.mother = mother.id
  child.father = father.id
  child.residence = mother.residence
  child.dwelling = mother.dwelling
  if (mother.hukouLocal) {
    child.hukouLocal = true
    child.household = mother.household
    child.community = mother.community
    const grand = mother.relation !== '户主' && mother.relation !== '妻'
    child.relation = grand ? (sex === 1 ? '孙子' : '孙女') : sex === 1 ? '子' : '女'
  } else child.hukouAddress = mother.hukouAddress
  const lag = rng.chance(0.6)
    ? rng.between(7, 30)
    : rng.chance(0.75)
      ? rng.between(31, 90)
      : rng.between(91, 300)
  const police = child.hukouLocal ? dayWithinWindow(ctx, day + lag) : -1
  child.registeredDay = police >= 0 ? police : day + lag
  // About 4 % of local mothers deliver in another district's hospital: no certificate here.
  const health = rng.chance(0.96) ? day : -1
  events.push({
    type: 'birth',
    day,
    person: child.id,
    other: mother.id,
    policeDay: police,
    recordDay: health,
  })
  // Local hospitals also deliver mothers from elsewhere: about 12 % of certificates.
  if (rng.chance(0.12)) externalBirth(ctx, events, day)
}

/** A birth in the district's hospitals to a mother from elsewhere (health exports it; the register must not). */
function externalBirth(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const region = foreignRegion(ctx)
  const place = `${region.place}${rng.pick(['城关镇', '人民路', '解放路', '建设路'])}${rng.between(1, 200)}号`
  const mother = addPerson(ctx, {
    sex: 2,
    birth: birthDayForAge(ctx, rng.between(21, 40), day),
    region: region.code,
    origin: 'external',
  })
  const father = addPerson(ctx, {
    sex: 1,
    birth: birthDayForAge(ctx, rng.between(23, 44), day),
    region: region.code,
    origin: 'external',
  })
  for (const q of [mother, father]) {
    q.hukouAddress = place
    q.marital = 20
  }
  mother.spouse = father.id
  father.spouse = mother.id
  const sex = rng.chance(0.52) ? 1 : 2
  const child = addPerson(ctx, {
    sex,
    birth: day,
    region: region.code,
    origin: 'external',
    surname: surnameOf(father),
  })
  child.mother = mother.id
  child.father = father.id
  child.hukouAddress = place
  events.push({ type: 'birth', day, person: child.id, other: mother.id, policeDay: -1, recordDay: day })
}
