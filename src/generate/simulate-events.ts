import { ageOn, dayNumber, dayParts } from '../domain/day-number.js'
import { addInflowGroup } from './add-inflow-group.js'
import { fates, type Person, type SimEvent } from './population.js'
import {
  addHousehold,
  addPerson,
  birthDayForAge,
  foreignRegion,
  type SimulationContext,
} from './simulation-context.js'
import { surnameOf } from './surname-of.js'

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

/** Since 2025-05-10 a marriage may be registered anywhere in China (婚姻登记条例, Order 804). */
const nationwideMarriageFrom = dayNumber(2025, 5, 10)

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

/** Draws a random person meeting `accept` (rejection sampling; gives up after many tries). */
function draw(ctx: SimulationContext, accept: (p: Person) => boolean): Person | null {
  for (let tries = 0; tries < 20000; tries++) {
    const p = ctx.persons[ctx.rng.int(ctx.persons.length)] as Person
    if (p.fate === fates.alive && accept(p)) return p
  }
  return null
}

const lives = (p: Person): boolean => p.residence >= 0 || p.hukouLocal
const within = (ctx: SimulationContext, day: number): number => (day <= ctx.windowEnd ? day : -1)

function die(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const p = draw(
    ctx,
    (q) =>
      lives(q) &&
      q.origin !== 'external' &&
      rng.chance(Math.min(1, Math.exp(0.085 * (ageOn(q.birth, day) - 95)))),
  )
  if (!p) return
  p.fate = fates.dead
  p.fateDay = day
  const spouse = ctx.persons[p.spouse]
  if (spouse && spouse.fate === fates.alive) spouse.marital = 30
  const police = p.hukouLocal && rng.chance(0.92) ? within(ctx, day + rng.between(3, 60)) : -1
  const civil = rng.chance(0.9) ? within(ctx, day + rng.between(0, 5)) : -1
  p.fateKnownToPolice = police >= 0
  events.push({ type: 'death', day, person: p.id, other: -1, policeDay: police, recordDay: civil })
  // The funeral home also cremates people from outside the district: about 8 % of its rows.
  if (rng.chance(0.08)) {
    const region = foreignRegion(ctx)
    const q = addPerson(ctx, {
      sex: rng.chance(0.5) ? 1 : 2,
      birth: birthDayForAge(ctx, rng.between(55, 95), day),
      region: region.code,
      origin: 'external',
    })
    q.hukouAddress = `${region.place}${rng.pick(['城关镇', '人民路', '解放路'])}${rng.between(1, 200)}号`
    q.fate = fates.dead
    q.fateDay = day
    q.fateKnownToPolice = false
    events.push({
      type: 'death',
      day,
      person: q.id,
      other: -1,
      policeDay: -1,
      recordDay: within(ctx, day + rng.between(0, 5)),
    })
  }
}

/** Relative fertility by mother's age (peaks at 27–31). */
function fertility(age: number): number {
  if (age < 20 || age > 44) return 0
  return age < 27 ? 0.4 + (age - 20) * 0.085 : age <= 31 ? 1 : Math.max(0.05, 1 - (age - 31) * 0.075)
}

function bear(ctx: SimulationContext, events: SimEvent[], day: number, mothers: Set<number>): void {
  const { rng } = ctx
  const mother = draw(
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
  const police = child.hukouLocal ? within(ctx, day + lag) : -1
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

function marry(ctx: SimulationContext, events: SimEvent[], day: number): void {
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
    wife = draw(ctx, (q) => q.sex === 2 && q.origin === 'inflow' && q.residence >= 0 && single(q, 20, 38))
    if (!wife) return
    husband = rng.chance(0.5)
      ? draw(ctx, (q) => q.sex === 1 && q.origin === 'inflow' && single(q, 22, 42))
      : null
    husband ??= external(1, 23, 38)
  } else {
    const localWife = r < 0.74
    const localHusband = r < 0.49 || r >= 0.74
    wife = localWife ? draw(ctx, (q) => q.sex === 2 && q.hukouLocal && single(q, 20, 38)) : null
    husband = localHusband ? draw(ctx, (q) => q.sex === 1 && q.hukouLocal && single(q, 22, 42)) : null
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

function divorce(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const wife = draw(
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

/** Moves one person (60 %) or a whole household out; returns how many moved. */
function moveOut(ctx: SimulationContext, events: SimEvent[], day: number): number {
  const { rng } = ctx
  const p = draw(ctx, (q) => q.hukouLocal && q.origin !== 'history')
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
function moveIn(ctx: SimulationContext, events: SimEvent[], day: number): number {
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

/** 变更更正: mostly children renamed after registration; the old name becomes 曾用名. */
function correct(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const p = draw(
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
