import { dayParts } from '../domain/day-number.js'
import type { Rng } from './create-rng.js'
import { formatAddress } from './format-address.js'
import type { Person, Population } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { TableSink } from './table-sink.js'

/** Headers of the civil-affairs marriage registrations (婚姻登记), both spouses on one row. */
export const civilMarriagesHeader = [
  '结婚证字号',
  '业务类型',
  '登记日期',
  '男方姓名',
  '男方身份证号',
  '男方出生日期',
  '男方户籍所在地',
  '女方姓名',
  '女方身份证号',
  '女方出生日期',
  '女方户籍所在地',
] as const

/** Where a person's hukou is, as civil affairs write it. */
export function hukouPlace(p: Person, pop: Population): string {
  // People who married in from elsewhere keep showing the hukou they had on the day of the marriage.
  if (p.hukouAddress !== '') return p.hukouAddress
  const h = pop.households[p.household]
  return h ? formatAddress(h, pop.district, 'full') : p.hukouAddress
}

/**
 * Marriages (结婚登记, certificate J410105-YYYY-NNNNNN) and divorces (离婚登记, L…) registered at
 * the district's office in the window. 登记日期 is a real Excel date cell; birth dates are text.
 * Since 2025-05-10 residents may marry anywhere, so some of their marriages are not here, and
 * some rows are couples from elsewhere.
 */
export function writeCivilMarriages(pop: Population, sink: TableSink, noiser: SourceNoiser, rng: Rng): void {
  const serial = new Map<string, number>()
  const rows = pop.events.filter((e) => (e.type === 'marriage' || e.type === 'divorce') && e.recordDay >= 0)
  for (const e of rows) {
    const wife = pop.persons[e.person] as Person
    const husband = pop.persons[e.other] as Person
    const { y, m, d } = dayParts(e.recordDay)
    const prefix = e.type === 'marriage' ? 'J' : 'L'
    const key = `${prefix}${y}`
    const n = serial.get(key) ?? rng.between(1, 40)
    serial.set(key, n + 1 + (rng.chance(0.2) ? rng.between(1, 3) : 0))
    const cells: (string | Date)[] = [
      `${prefix}410105-${y}-${String(n).padStart(6, '0')}`,
      e.type === 'marriage' ? '结婚登记' : '离婚登记',
      new Date(Date.UTC(y, m - 1, d)),
      noiser.name(husband.name),
      noiser.residentId(husband.residentId, husband.birth, false),
      noiser.date(husband.birth, 'iso'),
      noiser.blank() ? '' : hukouPlace(husband, pop),
      noiser.name(wife.name),
      noiser.residentId(wife.residentId, wife.birth, false),
      noiser.date(wife.birth, 'iso'),
      noiser.blank() ? '' : hukouPlace(wife, pop),
    ]
    sink.row(cells, [
      ['husband', husband.id],
      ['wife', wife.id],
    ])
  }
}
