import { dayParts } from '../domain/day-number.js'
import type { District } from './build-district.js'
import type { Rng } from './create-rng.js'
import type { IdAssigner } from './id-assigner.js'
import type { RegionCode, RegionCodes } from './load-region-codes.js'
import type { NameSampler } from './name-sampler.js'
import { type Household, type Origin, Person } from './population.js'

/** What the simulation stages share: the growing population and the means to extend it. */
export interface SimulationContext {
  readonly rng: Rng
  readonly names: NameSampler
  readonly assignId: IdAssigner
  readonly regions: RegionCodes
  readonly district: District
  readonly persons: Person[]
  readonly households: Household[]
  readonly windowStart: number
  readonly windowEnd: number
}

/** What a new person needs; the name is drawn when not given. */
export interface NewPerson {
  readonly sex: 1 | 2
  readonly birth: number
  readonly region: string
  readonly origin: Origin
  readonly surname?: string
  /** A Uyghur-style name with a middle dot instead of surname + given name. */
  readonly minority?: boolean
}

/** Adds a person with a fresh ID and a name fitting their sex and birth cohort. */
export function addPerson(ctx: SimulationContext, p: NewPerson): Person {
  const year = dayParts(p.birth).y
  const name = p.minority
    ? ctx.names.minority(ctx.rng, p.sex)
    : (p.surname ?? ctx.names.surname(ctx.rng)) + ctx.names.given(ctx.rng, p.sex, year)
  const person = new Person(
    ctx.persons.length,
    name,
    p.sex,
    p.birth,
    ctx.assignId(p.region, p.birth, p.sex),
    p.origin,
  )
  ctx.persons.push(person)
  return person
}

/** Adds a hukou household at a random address of a community. */
export function addHousehold(ctx: SimulationContext, community: number, rented = false): Household {
  const { rng } = ctx
  const village = ctx.district.communities[community]?.isVillage ?? false
  const h: Household = {
    index: ctx.households.length,
    no: `${String(community + 1).padStart(3, '0')}${String(100000 + ctx.households.length).slice(-6)}`,
    community,
    road: rng.int(village ? 1 : 2),
    gate: rng.between(1, village ? 40 : 260),
    building: village ? rng.between(1, 12) : rng.between(1, 24),
    unit: rng.between(1, village ? 1 : 4),
    room: village ? 0 : rng.between(1, 18) * 100 + rng.between(1, 4),
    rented,
    surname: '',
  }
  ctx.households.push(h)
  return h
}

/** A region outside Zhengzhou for a migrant's ID and hukou: 70 % elsewhere in Henan. */
export function foreignRegion(ctx: SimulationContext): RegionCode {
  return ctx.rng.pick(ctx.rng.chance(0.7) ? ctx.regions.henan : ctx.regions.otherProvinces)
}

/** A day uniformly within `age` years (whole years) before `day`. */
export function birthDayForAge(ctx: SimulationContext, age: number, onDay: number): number {
  return onDay - Math.floor(age * 365.2425) - ctx.rng.int(365)
}
