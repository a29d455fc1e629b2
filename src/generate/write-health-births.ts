import { dayParts } from '../domain/day-number.js'
import type { Rng } from './create-rng.js'
import { dwellingAddress } from './dwelling-address.js'
import { formatDate } from './format-date.js'
import { personCodes } from './person-codes.js'
import type { Person, Population } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { RowPerson, TableSink } from './table-sink.js'
import { writeRow } from './write-row.js'

/** Headers of the health bureau's birth certificates (出生医学证明). */
export const healthBirthsHeader = [
  '出生医学证明编号',
  '新生儿姓名',
  '新生儿性别',
  '出生时间',
  '母亲姓名',
  '母亲身份证号',
  '父亲姓名',
  '父亲身份证号',
  '家庭住址',
  '助产机构',
] as const

const hospitals = [
  '郑州大学第一附属医院',
  '河南省人民医院',
  '郑州市妇幼保健院',
  '河南省妇幼保健院',
  '金水区总医院',
  '郑州市第三人民医院',
  '郑州人民医院',
]

/**
 * Birth certificates issued in the window by the district's hospitals, including mothers from
 * elsewhere. The child is usually unnamed (blank, 张丽之女 / 张丽之子, or 婴儿); the father
 * may be missing. 出生时间 carries the time of day; UTF-8 without a BOM.
 */
export function writeHealthBirths(pop: Population, sink: TableSink, noiser: SourceNoiser, rng: Rng): void {
  const rows = pop.events.filter((e) => e.type === 'birth' && e.recordDay >= 0)
  let serial = rng.between(100000000, 600000000)
  for (const e of rows) {
    const child = pop.persons[e.person] as Person
    const mother = pop.persons[e.other] as Person
    const father = pop.persons[child.father]
    const { y } = dayParts(e.day)
    serial += rng.between(1, 30)
    const r = rng.next()
    const childName =
      r < 0.45
        ? ''
        : r < 0.7
          ? `${mother.name}之${child.sex === 1 ? '子' : '女'}`
          : r < 0.75
            ? '婴儿'
            : noiser.name(child.name)
    const noFather = !father || noiser.blank()
    const time = `${String(rng.int(24)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}`
    const people: RowPerson[] = [
      ['child', child.id],
      ['mother', mother.id],
    ]
    if (!noFather && father) people.push(['father', father.id])
    const cells = [
      `${String.fromCharCode(78 + Math.max(0, Math.min(12, y - 2020)))}${serial}`,
      childName,
      personCodes.sexWord(child.sex),
      `${formatDate(e.day, 'iso')} ${time}`,
      noiser.name(mother.name),
      noiser.residentId(mother.residentId, mother.birth, true),
      noFather ? '' : noiser.name(father.name),
      noFather ? '' : noiser.residentId(father.residentId, father.birth, true),
      mother.dwelling >= 0 ? dwellingAddress(pop, mother.dwelling, noiser, rng) : mother.hukouAddress,
      rng.pick(hospitals),
    ]
    writeRow(sink, noiser, rng, cells, people, 4)
  }
}
