import path from 'node:path'
import { roles } from '../domain/record-kind.js'
import { ChunkedTextWriter } from './chunked-text-writer.js'
import { formatDate } from './format-date.js'
import type { Person, Population } from './population.js'
import type { RecordLog } from './record-log.js'
import { discrepancyTypes, type TrueDiscrepancy } from './true-discrepancy.js'

/** Row counts of the truth files. */
export interface TruthCounts {
  readonly records: number
  readonly malformed: number
  readonly pairs: number
  readonly persons: number
  readonly discrepancies: Readonly<Record<string, number>>
}

const fateNames = ['alive', 'dead', 'moved-out'] as const

/**
 * Writes DIR/truth/: records.csv (the true person behind every record), persons.csv (each
 * true person), pairs.csv (every same-person pair of well-formed records, streamed) and
 * discrepancies.csv. `fileKeys[i]` is the export key of `log.files[i]`. docs/generator.md
 * describes the columns.
 */
export function writeTruth(
  dir: string,
  pop: Population,
  log: RecordLog,
  fileKeys: readonly string[],
  discrepancies: readonly TrueDiscrepancy[],
): TruthCounts {
  const communityCode = (i: number): string => pop.district.communities[i]?.code ?? ''
  const home = (p: Person): number => (p.residence >= 0 ? p.residence : p.community)
  const ref = (i: number): string =>
    `${log.files[log.file[i] as number]},${log.line[i]},${roles[log.role[i] as number]}`

  const records = new ChunkedTextWriter(path.join(dir, 'records.csv'))
  records.line('file,line,role,person_id,malformed,true_name,true_resident_id,true_community')
  let malformed = 0
  for (let i = 0; i < log.size; i++) {
    const p = pop.persons[log.person[i] as number] as Person
    malformed += log.malformed[i] as number
    records.line(`${ref(i)},${p.id},${log.malformed[i]},${p.name},${p.residentId},${communityCode(home(p))}`)
  }
  records.close()

  // Group records by person: a counting sort keeps the million-person run linear.
  const n = pop.persons.length
  const start = new Int32Array(n + 1)
  for (let i = 0; i < log.size; i++) {
    const k = (log.person[i] as number) + 1
    start[k] = (start[k] as number) + 1
  }
  for (let i = 1; i <= n; i++) start[i] = (start[i] as number) + (start[i - 1] as number)
  const byPerson = new Int32Array(log.size)
  const fill = start.slice(0, n)
  for (let i = 0; i < log.size; i++) {
    const p = log.person[i] as number
    const k = fill[p] as number
    byPerson[k] = i
    fill[p] = k + 1
  }

  const persons = new ChunkedTextWriter(path.join(dir, 'persons.csv'))
  persons.line(
    'person_id,name,former_name,resident_id,sex,birth_date,origin,hukou_local,hukou_community,residence_community,marital_status,fate,fate_date,mother_id,father_id,spouse_id',
  )
  const pairs = new ChunkedTextWriter(path.join(dir, 'pairs.csv'))
  pairs.line('left_file,left_line,left_role,right_file,right_line,right_role,person_id')
  const mine: number[] = []
  for (const p of pop.persons) {
    const from = start[p.id] as number
    const to = start[p.id + 1] as number
    if (from === to) continue
    persons.line(
      [
        p.id,
        p.name,
        p.formerName,
        p.residentId,
        p.sex === 1 ? 'male' : 'female',
        formatDate(p.birth, 'iso'),
        p.origin,
        p.hukouLocal ? 1 : 0,
        communityCode(p.community),
        communityCode(p.residence),
        p.marital,
        fateNames[p.fate],
        p.fate === 0 ? '' : formatDate(p.fateDay, 'iso'),
        p.mother >= 0 ? p.mother : '',
        p.father >= 0 ? p.father : '',
        p.spouse >= 0 ? p.spouse : '',
      ].join(','),
    )
    mine.length = 0
    for (let k = from; k < to; k++)
      if (log.malformed[byPerson[k] as number] === 0) mine.push(byPerson[k] as number)
    // Log order is file order then line order, so the left side is always the earlier record.
    for (let a = 0; a < mine.length; a++) {
      for (let b = a + 1; b < mine.length; b++)
        pairs.line(`${ref(mine[a] as number)},${ref(mine[b] as number)},${p.id}`)
    }
  }
  persons.close()
  pairs.close()

  const registerFiles = new Set(['register-persons', 'register-births'])
  const out = new ChunkedTextWriter(path.join(dir, 'discrepancies.csv'))
  out.line(
    'id,type,type_zh,community_code,community_name,person_ids,records,field,true_value,recorded_value,detail',
  )
  const counts: Record<string, number> = Object.fromEntries(Object.keys(discrepancyTypes).map((t) => [t, 0]))
  const registerPersonsFile = fileKeys.indexOf('register-persons')
  for (const d of discrepancies) {
    const refs = d.registerLines.map((l) => `${log.files[registerPersonsFile]}:${l}:subject`)
    let evidence = 0
    for (const e of d.evidence) {
      for (let k = start[e.person] as number; k < (start[e.person + 1] as number); k++) {
        const i = byPerson[k] as number
        const key = fileKeys[log.file[i] as number] as string
        const inScope = e.scope === 'all-other-sources' ? !registerFiles.has(key) : e.scope.includes(key)
        if (!inScope || log.malformed[i] === 1) continue
        refs.push(`${log.files[log.file[i] as number]}:${log.line[i]}:${roles[log.role[i] as number]}`)
        evidence++
      }
    }
    if (d.requiresEvidence && evidence === 0) continue
    counts[d.type] = (counts[d.type] ?? 0) + 1
    const c = pop.district.communities[d.community]
    const id = `D${String(out.lines).padStart(6, '0')}`
    out.line(
      [
        id,
        d.type,
        discrepancyTypes[d.type],
        c?.code ?? '',
        c?.name ?? '',
        d.persons.join(' '),
        refs.join(' '),
        d.field,
        d.trueValue,
        d.recordedValue,
        d.detail,
      ].join(','),
    )
  }
  out.close()
  return {
    records: log.size,
    malformed,
    pairs: pairs.lines - 1,
    persons: persons.lines - 1,
    discrepancies: counts,
  }
}
