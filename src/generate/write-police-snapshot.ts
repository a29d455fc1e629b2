import type { Rng } from './create-rng.js'
import { dwellingAddress } from './dwelling-address.js'
import { orderByHousehold } from './order-by-household.js'
import { fates, type Person, type Population } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { TableSink } from './table-sink.js'
import { writeRow } from './write-row.js'

/** Headers of the police full household snapshot (常住人口). */
export const policeSnapshotHeader = [
  '人口编号',
  '户号',
  '姓名',
  '曾用名',
  '性别',
  '出生日期',
  '公民身份号码',
  '与户主关系',
  '婚姻状况',
  '户口状态',
  '注销原因',
  '住址',
  '居委会',
] as const

/** True when police hold this person's hukou record (active or cancelled) at the end of the period. */
export function inPoliceSnapshot(p: Person, pop: Population): boolean {
  return p.hukouLocal && p.registeredDay <= pop.windowEnd
}

/**
 * Everyone police register here, household by household: sex as code 1/2, birth date
 * YYYYMMDD, marital status as GB/T 2261.2 code, 户口状态 正常/注销 with 注销原因 死亡/迁出. A death
 * police have not yet recorded still shows 正常, as it would.
 */
export function writePoliceSnapshot(pop: Population, sink: TableSink, noiser: SourceNoiser, rng: Rng): void {
  const order = orderByHousehold(pop)
  for (const id of order) {
    const p = pop.persons[id] as Person
    if (!inPoliceSnapshot(p, pop)) continue
    const h = pop.households[p.household]
    const cancelled = p.fate !== fates.alive && p.fateKnownToPolice
    const community = pop.district.communities[p.community]
    const cells = [
      `RK${String(Math.imul(p.id + 1, 2654435761) >>> 0).padStart(10, '0')}`,
      h?.no ?? '',
      noiser.name(p.name),
      p.formerName === '' ? '' : noiser.name(p.formerName),
      String(noiser.sex(p.sex)),
      noiser.date(p.birth, 'compact'),
      noiser.residentId(p.residentId, p.birth, true),
      p.relation,
      String(p.marital),
      cancelled ? '注销' : '正常',
      cancelled ? (p.fate === fates.dead ? '死亡' : '迁出') : '',
      dwellingAddress(pop, p.household, noiser, rng),
      community?.committeeName ?? '',
    ]
    writeRow(sink, noiser, rng, cells, [['subject', p.id]], 2)
  }
}
