import { ageOn } from '../domain/day-number.js'
import { addInflowGroup } from './add-inflow-group.js'
import { fates, type Person } from './population.js'
import {
  addHousehold,
  addPerson,
  birthDayForAge,
  foreignRegion,
  type SimulationContext,
} from './simulation-context.js'
import { surnameOf } from './surname-of.js'
import { weightedPicker } from './weighted-picker.js'

/**
 * The population model (documented in docs/generator.md). Household sizes follow urban China
 * in the 2020 census (average ≈ 2.6): 1 person 25 %, 2: 30 %, 3: 21 %, 4: 13 %, 5: 7 %, 6: 4 %.
 */
const householdSize = weightedPicker<number>([
  [1, 25],
  [2, 30],
  [3, 21],
  [4, 13],
  [5, 7],
  [6, 4],
])

/** Share of the district's people whose hukou is elsewhere (流入 inflow migrants). */
export const inflowShare = 0.15
/** Of locals aged 18–40: share living outside the district (流出) and in another community (人户分离). */
const outflowShare = 0.1
const elsewhereInDistrictShare = 0.06
/** Whole households living in another community than their hukou address. */
const householdSeparatedShare = 0.05
/** Locals who died or moved out in the three years before the window, per person-year. */
const historyDeathRate = 0.0068
const historyMoveOutRate = 0.01

/**
 * Fills the district as it stands the day before the event window opens: hukou households
 * of locals (about 85 % of `persons`), inflow migrants (about 15 %), and locals who died or
 * moved out during the previous three years (extra, for the snapshot's cancelled records).
 */
export function populateDistrict(ctx: SimulationContext, persons: number): void {
  const { rng } = ctx
  const day0 = ctx.windowStart - 1
  const communities = ctx.district.communities.length
  const localTarget = Math.round(persons * (1 - inflowShare))
  while (ctx.persons.length < localTarget) makeLocalHousehold(ctx, rng.int(communities), day0)
  const locals = ctx.persons.length
  while (ctx.persons.length < persons) addInflowGroup(ctx, day0, day0 - rng.int(4 * 365))
  const histDeaths = Math.round(locals * historyDeathRate * 3)
  const histMoves = Math.round(locals * historyMoveOutRate * 3)
  for (let i = 0; i < histDeaths + histMoves; i++) {
    const dead = i < histDeaths
    let host = ctx.households[rng.int(ctx.households.length)]
    while (host?.rented) host = ctx.households[rng.int(ctx.households.length)]
    if (!host) break
    const fateDay = day0 - rng.int(3 * 365)
    const age = dead ? rng.between(62, 96) : rng.between(18, 50)
    const sex = rng.chance(0.5) ? 1 : 2
    const surname = host.surname || undefined
    const p = addPerson(ctx, {
      sex,
      birth: birthDayForAge(ctx, age, fateDay),
      region: localRegion(ctx, fateDay - age * 365),
      origin: 'history',
      surname,
    })
    p.hukouLocal = true
    p.household = host.index
    p.community = host.community
    p.residence = dead ? host.community : -1
    p.dwelling = dead ? host.index : -1
    p.relation = dead ? (sex === 1 ? '父亲' : '母亲') : sex === 1 ? '长子' : '长女'
    p.marital = dead ? 30 : rng.chance(0.6) ? 20 : 10
    p.fate = dead ? fates.dead : fates.movedOut
    p.fateDay = fateDay
  }
}

function localRegion(ctx: SimulationContext, birth: number): string {
  const { rng } = ctx
  // IDs record where they were first issued: many locals were born elsewhere in Henan or China.
  const r = rng.next()
  if (birth < -1826 && ctx.regions.abolishedLocal.length > 0 && r < 0.12)
    return rng.pick(ctx.regions.abolishedLocal)
  if (r < 0.75) return '410105'
  if (r < 0.83) return rng.pick(['410102', '410103', '410104', '410108'])
  return foreignRegion(ctx).code
}

function makeLocalHousehold(ctx: SimulationContext, community: number, day0: number): void {
  const { rng } = ctx
  const h = addHousehold(ctx, community)
  const size = householdSize(rng)
  const members: Person[] = []
  const add = (sex: 1 | 2, age: number, relation: string, marital: number, surname?: string): Person => {
    const birth = birthDayForAge(ctx, age, day0)
    const p = addPerson(ctx, {
      sex,
      birth,
      region: age < 18 ? '410105' : localRegion(ctx, birth),
      origin: 'initial',
      surname,
    })
    p.relation = relation
    p.marital = marital
    members.push(p)
    return p
  }
  const couple = (minAge: number, maxAge: number, wifeHead: boolean): [Person, Person] => {
    const ha = rng.between(minAge, maxAge)
    const wa = Math.max(20, ha - Math.round(rng.next() * 5 - 0.5))
    const second = rng.chance(0.05) ? 22 : 20
    const husband = add(1, ha, wifeHead ? '夫' : '户主', second)
    const wife = add(2, wa, wifeHead ? '户主' : '妻', second)
    husband.spouse = wife.id
    wife.spouse = husband.id
    return [husband, wife]
  }
  const children = (
    father: Person,
    mother: Person,
    n: number,
    headIsFather: boolean,
    grand: boolean,
  ): void => {
    const motherAge = ageOn(mother.birth, day0)
    let gap = rng.between(22, 34)
    let sons = 0
    let daughters = 0
    for (let i = 0; i < n; i++) {
      const age = Math.max(0, motherAge - gap)
      const sex = rng.chance(0.52) ? 1 : 2
      const order = sex === 1 ? ++sons : ++daughters
      const only = n === 1
      const relation = grand
        ? sex === 1
          ? '孙子'
          : '孙女'
        : sex === 1
          ? only
            ? '独生子'
            : order === 1
              ? '长子'
              : '次子'
          : only
            ? '独生女'
            : order === 1
              ? '长女'
              : '次女'
      const surname = rng.chance(0.95) ? surnameOf(father) : surnameOf(mother)
      const marital = age >= 24 && rng.chance(0.2) ? 20 : 10
      const c = add(sex, age, headIsFather || grand ? relation : relation, marital, surname)
      c.father = father.id
      c.mother = mother.id
      gap += rng.between(1, 8)
    }
  }
  if (size === 1) {
    const r = rng.next()
    if (r < 0.45) add(rng.chance(0.55) ? 1 : 2, rng.between(22, 40), '户主', 10)
    else if (r < 0.6) add(rng.chance(0.5) ? 1 : 2, rng.between(35, 65), '户主', 40)
    else add(rng.chance(0.35) ? 1 : 2, rng.between(62, 92), '户主', rng.chance(0.85) ? 30 : 10)
  } else if (size === 2) {
    if (rng.chance(0.8)) couple(rng.chance(0.3) ? 23 : 45, rng.chance(0.3) ? 35 : 86, false)
    else {
      const parentSex = rng.chance(0.7) ? 2 : 1
      const parent = add(parentSex, rng.between(38, 72), '户主', rng.chance(0.5) ? 40 : 30)
      const age = Math.max(0, ageOn(parent.birth, day0) - rng.between(22, 34))
      const sex = rng.chance(0.52) ? 1 : 2
      const child = add(sex, age, sex === 1 ? '独生子' : '独生女', 10, surnameOf(parent))
      if (parentSex === 2) child.mother = parent.id
      else child.father = parent.id
    }
  } else {
    const withParents = size >= 5 || (size === 4 && rng.chance(0.4))
    const [husband, wife] = couple(
      withParents ? 27 : 26,
      withParents ? 46 : 56,
      !withParents && rng.chance(0.15),
    )
    const kids = size === 3 ? 1 : size === 4 ? (withParents ? 1 : 2) : size === 5 ? 1 : 2
    children(husband, wife, kids, true, false)
    if (withParents) {
      const ha = ageOn(husband.birth, day0) + rng.between(24, 34)
      const grandpa = size >= 5 ? add(1, ha, '父亲', 20, surnameOf(husband)) : null
      const grandma = add(2, Math.max(ha - rng.between(0, 4), 50), '母亲', grandpa ? 20 : 30)
      if (grandpa) {
        grandpa.spouse = grandma.id
        grandma.spouse = grandpa.id
        husband.father = grandpa.id
      }
      husband.mother = grandma.id
    }
  }
  h.surname = members[0] ? surnameOf(members[0]) : ''
  const separated = rng.chance(householdSeparatedShare)
  const elsewhere = separated ? rng.int(ctx.district.communities.length) : community
  const home = elsewhere === community ? h.index : addHousehold(ctx, elsewhere, true).index
  for (const p of members) {
    p.hukouLocal = true
    p.household = h.index
    p.community = community
    p.residence = elsewhere
    p.dwelling = home
    const age = ageOn(p.birth, day0)
    if (age >= 18 && age <= 40 && p.relation !== '户主' && p.relation !== '妻' && p.relation !== '夫') {
      const r = rng.next()
      if (r < outflowShare) {
        p.residence = -1
        p.dwelling = -1
      } else if (r < outflowShare + elsewhereInDistrictShare) {
        p.residence = rng.int(ctx.district.communities.length)
        p.dwelling = addHousehold(ctx, p.residence, true).index
      }
    }
  }
}
