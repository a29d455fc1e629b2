import type { Rng } from './create-rng.js'
import { personCodes } from './person-codes.js'
import type { Person, Population } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { TableSink } from './table-sink.js'
import { hukouPlace } from './write-civil-marriages.js'
import { writeRow } from './write-row.js'

/** Headers of the civil-affairs death / cremation export (殡葬). */
export const civilDeathsHeader = ['姓名', '身份证号', '性别', '死亡日期', '户籍地址'] as const

/**
 * Deaths the district's funeral service recorded in the window (dates 2026年3月5日), including
 * people from outside the district; UTF-8 with a BOM, as Excel needs it.
 */
export function writeCivilDeaths(pop: Population, sink: TableSink, noiser: SourceNoiser, rng: Rng): void {
  const rows = pop.events
    .filter((e) => e.type === 'death' && e.recordDay >= 0)
    .sort((a, b) => a.recordDay - b.recordDay || a.person - b.person)
  for (const e of rows) {
    const p = pop.persons[e.person] as Person
    const cells = [
      noiser.name(p.name),
      noiser.residentId(p.residentId, p.birth, true),
      personCodes.sexWord(noiser.sex(p.sex)),
      noiser.date(e.day, 'chinese'),
      noiser.blank() ? '' : hukouPlace(p, pop),
    ]
    writeRow(sink, noiser, rng, cells, [['subject', p.id]], 0)
  }
}
