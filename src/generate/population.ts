import type { District } from './build-district.js'

/** What became of a person by the end of the period. */
export const fates = { alive: 0, dead: 1, movedOut: 2 } as const
export type Fate = (typeof fates)[keyof typeof fates]

/**
 * How a person entered the simulation: `initial` locals with hukou here, `history` locals who
 * died or moved out before the event window, `born` and `moved-in` during it, `inflow`
 * migrants living here with hukou elsewhere, and `external` people who only appear in an
 * export (a spouse from elsewhere, a mother passing through a local hospital).
 */
export type Origin = 'initial' | 'history' | 'born' | 'moved-in' | 'inflow' | 'external'

/**
 * One real individual. A compact class with a fixed shape (V8 keeps 1 M of these in about
 * 200 MB); `id` is the index in `Population.persons` and the truth files' person_id.
 */
export class Person {
  formerName = ''
  household = -1
  relation = ''
  /** GB/T 2261.2 code: 10 未婚, 20 已婚, 21 初婚, 22 再婚, 30 丧偶, 40 离婚. */
  marital = 10
  /** Hukou in the district (police register it). */
  hukouLocal = false
  /** Hukou community index when hukouLocal, else -1. */
  community = -1
  /** Community lived in, or -1 when living outside the district. */
  residence = -1
  /** The dwelling (a `Household`, maybe rented) lived in, or -1. */
  dwelling = -1
  /** Full hukou address for people whose hukou is elsewhere. */
  hukouAddress = ''
  fate: Fate = fates.alive
  fateDay = 0
  /** False for a death police had not recorded by the end of the period. */
  fateKnownToPolice = true
  /** Day police registered the person here (birth registration, move-in, temporary registration). */
  registeredDay = 0
  mother = -1
  father = -1
  spouse = -1
  /** Day of a marriage inside the event window, else -1. */
  marriedDay = -1
  /** Day of a divorce inside the event window, else -1. */
  divorcedDay = -1

  constructor(
    readonly id: number,
    public name: string,
    readonly sex: 1 | 2,
    readonly birth: number,
    readonly residentId: string,
    readonly origin: Origin,
  ) {}
}

/** A hukou household (户) of the district at one address, or a rented dwelling. */
export interface Household {
  readonly index: number
  /** 户号, 9 digits. */
  readonly no: string
  readonly community: number
  readonly road: number
  readonly gate: number
  readonly building: number
  readonly unit: number
  readonly room: number
  /** A rented dwelling (address only), not a hukou household: it has no 户号 in any export. */
  readonly rented: boolean
  /** The first member's surname, for relatives added later. */
  surname: string
}

/** Something that happened inside the event window. */
export interface SimEvent {
  readonly type: 'birth' | 'death' | 'move-in' | 'move-out' | 'marriage' | 'divorce' | 'correction' | 'inflow'
  readonly day: number
  /** The person it happened to (the child for births, the wife for marriages). */
  readonly person: number
  /** The husband for marriages and divorces, the mother for births, else -1. */
  readonly other: number
  /** Day police recorded it, or -1 if police had not by the end of the period. */
  readonly policeDay: number
  /** Day the civil-affairs or health record was made, or -1 when there is none in this district's export. */
  readonly recordDay: number
}

/** The whole simulated truth. */
export interface Population {
  readonly district: District
  readonly persons: Person[]
  readonly households: Household[]
  readonly events: SimEvent[]
  /** First and last day of the event window (inclusive). */
  readonly windowStart: number
  readonly windowEnd: number
}
