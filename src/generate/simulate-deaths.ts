import { ageOn } from '../domain/day-number.js'
import { dayWithinWindow, drawPerson, livesHere } from './event-sampling.js'
import { fates, type SimEvent } from './population.js'
import { addPerson, birthDayForAge, foreignRegion, type SimulationContext } from './simulation-context.js'

/**
 * A death weighted by age (Gompertz); the police learn of it within weeks (92 % of local hukou),
 * civil affairs within days, and the funeral home adds outsiders it cremated.
 */
export function die(ctx: SimulationContext, events: SimEvent[], day: number): void {
  const { rng } = ctx
  const p = drawPerson(
    ctx,
    (q) =>
      livesHere(q) &&
      q.origin !== 'external' &&
      rng.chance(Math.min(1, Math.exp(0.085 * (ageOn(q.birth, day) - 95)))),
  )
  if (!p) return
  p.fate = fates.dead
  p.fateDay = day
  const spouse = ctx.persons[p.spouse]
  if (spouse && spouse.fate === fates.alive) spouse.marital = 30
  const police = p.hukouLocal && rng.chance(0.92) ? dayWithinWindow(ctx, day + rng.between(3, 60)) : -1
  const civil = rng.chance(0.9) ? dayWithinWindow(ctx, day + rng.between(0, 5)) : -1
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
      recordDay: dayWithinWindow(ctx, day + rng.between(0, 5)),
    })
  }
}
