import { ageOn, dayNumber } from '../domain/day-number.js'
import type { RecordKind } from '../domain/record-kind.js'
import type { SourceAgency } from '../domain/source-agency.js'
import type { RecordFilter } from './check.js'
import { placeByDwelling } from './dwelling-communities.js'
import { roleLabelZh, sourceLabelZh } from './labels-zh.js'

/** Code-unit order, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

import type { LinkedPair, ReconcileInput, ReconcileOptions, ReconcileRecord } from './reconcile-input.js'

/** A pair seen from one of its records. */
export interface PairFrom {
  readonly other: number
  readonly pair: LinkedPair
}

/**
 * The input indexed once for every check: persons' members, pairs by record, rows, and the
 * period's last day. Read-only after construction.
 */
export interface ReconcileContext {
  readonly records: readonly ReconcileRecord[]
  readonly comparisons: readonly string[]
  /** Last day of the period, YYYY-MM-DD. */
  readonly periodStart: string
  readonly periodEnd: string
  personOf(i: number): number
  /** Records of record i's person, i included, in ref order (not index order: see byRef). */
  membersOf(i: number): readonly number[]
  /** The scored pair of i and j, if the linkage kept one. */
  pairBetween(i: number, j: number): LinkedPair | undefined
  /**
   * Pairs from i to a record of another person: review-band pairs, and accepted pairs the
   * clustering split. Each is a question for a person, not a link.
   */
  doubtfulPairs(i: number): readonly PairFrom[]
  /**
   * Whether record i or another record of its person places the person here now (placesPerson:
   * a community, and not a cancelled record, a move-out or a death).
   */
  personPlaced(i: number): boolean
  /** The community of record i's dwelling, learnt from the placed records (placeByDwelling). */
  dwellingCommunity(i: number): string | null
  /** Records on i's row (same file and line), i excluded. */
  rowMates(i: number): readonly number[]
  agencyOf(i: number): SourceAgency
  kindOf(i: number): RecordKind
  /** 全员人口库, 民政婚姻登记女方 …: the record's source and role as officers say them. */
  labelOf(i: number): string
  sourceLabel(source: string): string
  /** `file:line:role`. */
  refOf(i: number): string
  /**
   * Orders records by ref, then fingerprint: wherever a rule picks "the first" record (to name
   * in a reason, to believe, to break a tie) it picks by this, so the cases do not depend on
   * the order the records were loaded in.
   */
  byRef(a: number, b: number): number
}

const noRecords: readonly number[] = Object.freeze([])
const noPairs: readonly PairFrom[] = Object.freeze([])

export function buildContext(input: ReconcileInput, options: ReconcileOptions): ReconcileContext {
  const { records } = input
  const n = records.length
  if (input.person.length !== n) {
    throw new RangeError(`person has ${input.person.length} entries for ${n} records`)
  }
  const sources = new Map(input.sources.map((s) => [s.name, s]))
  for (const r of records) {
    if (!sources.has(r.source)) throw new RangeError(`record of unknown source "${r.source}"`)
  }

  // Each record's person's members, shared by the members and reached by index: rules ask
  // for them several times per record. A person of one record gets its list only when asked
  // (most of a district's persons have one record): first[p] holds it until a second comes.
  const first = new Map<number, number>()
  const membersByRecord: (number[] | undefined)[] = new Array(n)
  const memberLists: number[][] = []
  for (let i = 0; i < n; i++) {
    const p = input.person[i] as number
    const f = first.get(p)
    if (f === undefined) {
      first.set(p, i)
      continue
    }
    joinSharedList(membersByRecord, memberLists, f, i)
  }
  const membersOf = (i: number): readonly number[] => {
    let list = membersByRecord[i]
    if (list === undefined) {
      list = [i]
      membersByRecord[i] = list
    }
    return list
  }

  // Built once: rules compare and print refs many times per record.
  const refs = records.map((r) => `${r.file}:${r.line}:${r.role}`)
  const refOf = (i: number): string => refs[i] as string
  const byRef = (a: number, b: number): number =>
    compareText(refOf(a), refOf(b)) ||
    compareText((records[a] as ReconcileRecord).fingerprint, (records[b] as ReconcileRecord).fingerprint) ||
    a - b
  for (const list of memberLists) list.sort(byRef)

  // Pairs kept on both their records' lists, created only for records that have one (most
  // of a district's records have none): no map of pair keys, no empty list per record.
  // pairBetween scans the shorter of the two lists, a handful of pairs at most.
  const pairsByRecord: (PairFrom[] | undefined)[] = new Array(n)
  const doubtful: (PairFrom[] | undefined)[] = new Array(n)
  const addTo = (lists: (PairFrom[] | undefined)[], i: number, from: PairFrom): void => {
    const list = lists[i]
    if (list === undefined) lists[i] = [from]
    else list.push(from)
  }
  for (const pair of input.pairs) {
    if (pair.left < 0 || pair.left >= n || pair.right < 0 || pair.right >= n) {
      throw new RangeError(`pair ${pair.left}–${pair.right} outside the ${n} records`)
    }
    const fromLeft = { other: pair.right, pair }
    const fromRight = { other: pair.left, pair }
    addTo(pairsByRecord, pair.left, fromLeft)
    if (pair.right !== pair.left) addTo(pairsByRecord, pair.right, fromRight)
    if (input.person[pair.left] !== input.person[pair.right]) {
      addTo(doubtful, pair.left, fromLeft)
      addTo(doubtful, pair.right, fromRight)
    }
  }
  const pairBetween = (i: number, j: number): LinkedPair | undefined => {
    const a = pairsByRecord[i]
    const b = pairsByRecord[j]
    if (a === undefined || b === undefined) return undefined
    const [list, other] = a.length <= b.length ? [a, j] : [b, i]
    // The last pair of the two wins, as it would in a map filled in input order.
    for (let k = list.length - 1; k >= 0; k--) {
      const p = list[k] as PairFrom
      if (p.other === other) return p.pair
    }
    return undefined
  }

  // Row mates: records on one file's line, grouped by file, then line number (no key text
  // per record). Most rows hold one record: a line keeps its first record's index until a
  // second comes, and only rows of several records get a list (sorted by ref).
  const rows = new Map<string, Map<number, number>>()
  const rowByRecord: (number[] | undefined)[] = new Array(n)
  const rowLists: number[][] = []
  for (let i = 0; i < n; i++) {
    const r = records[i] as ReconcileRecord
    let lines = rows.get(r.file)
    if (lines === undefined) {
      lines = new Map()
      rows.set(r.file, lines)
    }
    const f = lines.get(r.line)
    if (f === undefined) {
      lines.set(r.line, i)
      continue
    }
    joinSharedList(rowByRecord, rowLists, f, i)
  }
  for (const list of rowLists) list.sort(byRef)

  const placedPersons = new Set<number>()
  for (let i = 0; i < n; i++) {
    if (placesPerson(records[i] as ReconcileRecord)) placedPersons.add(input.person[i] as number)
  }

  const { start, end } = periodBounds(options.period)
  const sourceLabel = (name: string): string => {
    const s = sources.get(name)
    return s === undefined ? name : (s.label ?? sourceLabelZh(s.agency, s.kind))
  }
  const rec = (i: number): ReconcileRecord => records[i] as ReconcileRecord
  // Labels by source, then role: cases print them for every record they show.
  const labels = new Map<string, Map<string, string>>()
  const labelOf = (i: number): string => {
    const r = rec(i)
    let byRole = labels.get(r.source)
    if (byRole === undefined) {
      byRole = new Map()
      labels.set(r.source, byRole)
    }
    let label = byRole.get(r.role)
    if (label === undefined) {
      label = sourceLabel(r.source) + roleLabelZh(r.role)
      byRole.set(r.role, label)
    }
    return label
  }
  const placeDwelling = placeByDwelling(records)
  return {
    records,
    comparisons: input.comparisons ?? [],
    periodStart: start,
    periodEnd: end,
    personOf: (i) => input.person[i] as number,
    membersOf,
    pairBetween,
    doubtfulPairs: (i) => doubtful[i] ?? noPairs,
    personPlaced: (i) => placedPersons.has(input.person[i] as number),
    rowMates: (i) => rowByRecord[i]?.filter((j) => j !== i) ?? noRecords,
    dwellingCommunity: (i) => placeDwelling(rec(i).dwelling ?? null),
    agencyOf: (i) => (sources.get(rec(i).source) as { agency: SourceAgency }).agency,
    kindOf: (i) => (sources.get(rec(i).source) as { kind: RecordKind }).kind,
    labelOf,
    sourceLabel,
    refOf,
    byRef,
  }
}

/** First and last day of a YYYY-MM month. */
export function periodBounds(period: string): { start: string; end: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period)
  if (m === null) throw new RangeError(`period "${period}" is not YYYY-MM`)
  const y = Number(m[1])
  const mo = Number(m[2])
  const next = mo === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, mo + 1, 1)
  const lastDay = next - 1 - dayNumber(y, mo, 1) + 1
  return { start: `${period}-01`, end: `${period}-${String(lastDay).padStart(2, '0')}` }
}

/**
 * Whether a record says its person is here now: placed in a community, and neither cancelled
 * (moved out, dead) nor itself a move-out or death.
 */
function placesPerson(r: ReconcileRecord): boolean {
  return (
    r.community !== null && r.status !== 'cancelled' && r.eventType !== 'move-out' && r.eventType !== 'death'
  )
}

/** Day number of a YYYY-MM-DD text, or null. */
export function dayOf(date: string | null): number | null {
  if (date === null) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m === null ? null : dayNumber(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** The record's birth date as stated, else the one in its ID. */
export function birthDateOf(r: ReconcileRecord): string | null {
  return r.birthDate ?? r.residentId.birthDate
}

/** A compiled filter list: true when the record matches any one of the filters. */
export type RecordTest = (i: number) => boolean

export function compileFilters(ctx: ReconcileContext, filters: readonly RecordFilter[]): RecordTest {
  const tests = filters.map((f) => compileFilter(ctx, f))
  return (i) => tests.some((t) => t(i))
}

function compileFilter(ctx: ReconcileContext, f: RecordFilter): RecordTest {
  const sources = f.sources === undefined ? null : new Set(f.sources)
  const roles = f.roles === undefined ? null : new Set<string>(f.roles)
  const events = f.eventTypes === undefined ? null : new Set<string>(f.eventTypes)
  const categories = f.categories === undefined ? null : new Set<string>(f.categories)
  const statuses = f.statuses === undefined ? null : new Set<string>(f.statuses)
  const marital = f.maritalStatuses === undefined ? null : new Set<string>(f.maritalStatuses)
  const periodEndDay = dayOf(ctx.periodEnd) as number
  const preceding = f.notPrecededBy
  const isPreceding =
    preceding === undefined
      ? null
      : compileFilter(ctx, {
          ...(preceding.sources === undefined ? {} : { sources: preceding.sources }),
          ...(preceding.roles === undefined ? {} : { roles: preceding.roles }),
          ...(preceding.eventTypes === undefined ? {} : { eventTypes: preceding.eventTypes }),
        })
  return (i) => {
    const r = ctx.records[i] as ReconcileRecord
    if (sources !== null && !sources.has(r.source)) return false
    if (roles !== null && !roles.has(r.role)) return false
    if (events !== null && (r.eventType === null || !events.has(r.eventType))) return false
    if (f.sex !== undefined && (r.sex ?? r.residentId.sex) !== f.sex) return false
    if (categories !== null && (r.category === null || !categories.has(r.category))) return false
    if (statuses !== null && !statuses.has(r.status ?? 'active')) return false
    if (marital !== null && (r.maritalStatus === null || !marital.has(r.maritalStatus))) return false
    if (f.statusReasons !== undefined) {
      const reason = r.statusReason
      if (reason === null || !f.statusReasons.some((t) => reason.includes(t))) return false
    }
    if (f.inJurisdiction !== undefined && (r.community !== null) !== f.inJurisdiction) return false
    if (f.personInJurisdiction !== undefined && ctx.personPlaced(i) !== f.personInJurisdiction) return false
    if (f.rowInJurisdiction !== undefined) {
      const placed = ctx.personPlaced(i) || ctx.rowMates(i).some(ctx.personPlaced)
      if (placed !== f.rowInJurisdiction) return false
    }
    if (f.eventInPeriod !== undefined) {
      const inPeriod = r.eventDate !== null && r.eventDate >= ctx.periodStart && r.eventDate <= ctx.periodEnd
      if (inPeriod !== f.eventInPeriod) return false
    }
    if (isPreceding !== null && r.eventDate !== null) {
      const at = r.eventDate
      const preceded = ctx.membersOf(i).some((m) => {
        const d = (ctx.records[m] as ReconcileRecord).eventDate
        return m !== i && d !== null && d < at && isPreceding(m)
      })
      if (preceded) return false
    }
    if (f.age !== undefined) {
      const birth = dayOf(birthDateOf(r))
      const at = dayOf(r.eventDate) ?? periodEndDay
      if (birth !== null && birth <= at) {
        const age = ageOn(birth, at)
        if (f.age.min !== undefined && age < f.age.min) return false
        if (f.age.max !== undefined && age > f.age.max) return false
      }
    }
    return true
  }
}

/**
 * Puts record `i` on the list shared with `first`, the earlier record of its group (person or
 * row), creating that list — registered in `lists` — when `i` is the group's second record.
 */
function joinSharedList(
  byRecord: (number[] | undefined)[],
  lists: number[][],
  first: number,
  i: number,
): void {
  let list = byRecord[first]
  if (list === undefined) {
    list = [first]
    byRecord[first] = list
    lists.push(list)
  }
  list.push(i)
  byRecord[i] = list
}
