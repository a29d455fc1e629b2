import type { Rng } from './create-rng.js'
import { dwellingAddress } from './dwelling-address.js'
import { personCodes } from './person-codes.js'
import type { Person, Population, SimEvent } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { TableSink } from './table-sink.js'
import { writeRow } from './write-row.js'

/** Headers of the police household-change export (户籍变动). */
export const policeChangesHeader = [
  '公民身份号码',
  '姓名',
  '性别',
  '出生日期',
  '户号',
  '与户主关系',
  '变动类型',
  '变动日期',
  '住址',
  '居委会',
] as const

const changeType: Partial<Record<SimEvent['type'], string>> = {
  birth: '出生登记',
  'move-in': '迁入',
  'move-out': '迁出',
  death: '死亡注销',
  correction: '变更更正',
}

/**
 * Hukou changes police recorded inside the window, in the order they were recorded: 出生登记,
 * 迁入, 迁出, 死亡注销, 变更更正 (with the corrected name). Dates YYYY-MM-DD, sex 男/女.
 */
export function writePoliceChanges(pop: Population, sink: TableSink, noiser: SourceNoiser, rng: Rng): void {
  const rows = pop.events
    .filter((e) => e.policeDay >= 0 && changeType[e.type] !== undefined)
    .sort((a, b) => a.policeDay - b.policeDay || a.person - b.person)
  for (const e of rows) {
    const p = pop.persons[e.person] as Person
    const h = pop.households[p.household]
    const cells = [
      noiser.residentId(p.residentId, p.birth, true),
      noiser.name(p.name),
      personCodes.sexWord(noiser.sex(p.sex)),
      noiser.date(p.birth, 'iso'),
      h?.no ?? '',
      p.relation,
      changeType[e.type] as string,
      noiser.date(e.policeDay, 'iso'),
      dwellingAddress(pop, p.household, noiser, rng),
      pop.district.communities[p.community]?.committeeName ?? '',
    ]
    writeRow(sink, noiser, rng, cells, [['subject', p.id]], 1)
  }
}
