import { ageOn, dayNumber, dayParts } from '../domain/day-number.js'
import type { Rng } from './create-rng.js'
import { dwellingAddress } from './dwelling-address.js'
import { formatDate } from './format-date.js'
import { personCodes } from './person-codes.js'
import { fates, type Person, type Population } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { TableSink } from './table-sink.js'
import { writeRow } from './write-row.js'

/** Headers of the police temporary-resident export (暂住登记 / 居住证). */
export const policeTemporaryHeader = [
  '姓名',
  '性别',
  '公民身份号码',
  '出生日期',
  '婚姻状况',
  '居住地址',
  '户籍地址',
  '登记日期',
  '居住事由',
  '有效期至',
] as const

/** True for people police list as temporary residents at the end of the period. */
export function inPoliceTemporary(p: Person, pop: Population): boolean {
  return (
    !p.hukouLocal &&
    p.fate === fates.alive &&
    p.residence >= 0 &&
    p.registeredDay > 0 &&
    p.registeredDay <= pop.windowEnd &&
    (p.origin === 'inflow' || p.origin === 'external')
  )
}

/**
 * Every valid temporary-residence registration at the end of the period: people living here
 * with hukou elsewhere. Birth dates YYYY/M/D (the export passed through Excel), marital status
 * in words, 有效期至 one year after registration, renewed yearly.
 */
export function writePoliceTemporary(pop: Population, sink: TableSink, noiser: SourceNoiser, rng: Rng): void {
  for (const p of pop.persons) {
    if (!inPoliceTemporary(p, pop)) continue
    const age = ageOn(p.birth, pop.windowEnd)
    const reason =
      age < 16
        ? age >= 6
          ? '就学'
          : '投靠亲友'
        : rng.pick(['务工', '务工', '务工', '经商', '投靠亲友', '其他'])
    const years = Math.max(1, Math.ceil((pop.windowEnd - p.registeredDay + 1) / 365))
    const r = dayParts(p.registeredDay)
    const until = dayNumber(r.y + years, r.m, Math.min(r.d, 28))
    const cells = [
      noiser.name(p.name),
      personCodes.sexWord(noiser.sex(p.sex)),
      noiser.residentId(p.residentId, p.birth, true),
      noiser.date(p.birth, 'slash'),
      noiser.blank() ? '' : personCodes.maritalWord(p.marital),
      dwellingAddress(pop, p.dwelling, noiser, rng),
      p.hukouAddress,
      noiser.date(p.registeredDay, 'iso'),
      reason,
      formatDate(until, 'iso'),
    ]
    writeRow(sink, noiser, rng, cells, [['subject', p.id]], 0)
  }
}
