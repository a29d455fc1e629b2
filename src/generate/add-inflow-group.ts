import { ageOn } from '../domain/day-number.js'
import type { Person } from './population.js'
import {
  addHousehold,
  addPerson,
  birthDayForAge,
  foreignRegion,
  type SimulationContext,
} from './simulation-context.js'
import { surnameOf } from './surname-of.js'

/**
 * Adds a group of inflow migrants (流入) living in one community with hukou elsewhere: a single
 * worker (55 %), a couple (15 %) or a couple with one or two children (30 %). `registered` is the
 * day of their temporary-residence registration (暂住登记); ages are reckoned on `onDay`.
 */
export function addInflowGroup(ctx: SimulationContext, onDay: number, registered: number): Person[] {
  const day0 = onDay
  const group: Person[] = []
  const { rng } = ctx
  const region = foreignRegion(ctx)
  const residence = rng.int(ctx.district.communities.length)
  const dwelling = addHousehold(ctx, residence, true).index
  const minority = region.code.startsWith('65') && rng.chance(0.6)
  const village = rng.pick(['村', '组', '庄', '街道'])
  const hukouAddress = `${region.place}${rng.pick(['城关镇', '新华街道', '城郊乡', '老城镇', '东关街道'])}${rng.between(1, 30)}${village === '街道' ? '号' : `${village}${rng.between(1, 90)}号`}`
  const add = (sex: 1 | 2, age: number, marital: number, surname?: string): Person => {
    const p = addPerson(ctx, {
      sex,
      birth: birthDayForAge(ctx, age, day0),
      region: region.code,
      origin: 'inflow',
      surname,
      minority,
    })
    p.marital = marital
    p.residence = residence
    p.dwelling = dwelling
    p.hukouAddress = hukouAddress
    p.registeredDay = registered
    group.push(p)
    return p
  }
  const r = rng.next()
  if (r < 0.55) {
    const sex = rng.chance(0.55) ? 1 : 2
    const age = rng.between(18, 48)
    add(sex, age, age > 26 && rng.chance(0.4) ? 20 : 10)
    return group
  }
  const ha = rng.between(22, 50)
  const husband = add(1, ha, 20)
  const wife = add(2, Math.max(20, ha - rng.between(0, 4)), 20)
  husband.spouse = wife.id
  wife.spouse = husband.id
  const kids = r < 0.7 ? 0 : rng.between(1, 2)
  for (let i = 0; i < kids; i++) {
    const age = Math.max(0, ageOn(wife.birth, day0) - rng.between(21, 32) - i * 3)
    const kid = add(rng.chance(0.52) ? 1 : 2, age, 10, surnameOf(husband))
    kid.father = husband.id
    kid.mother = wife.id
  }
  return group
}
