import { ageOn } from '../domain/day-number.js'
import type { Rng } from './create-rng.js'
import { dwellingAddress } from './dwelling-address.js'
import { formatDate } from './format-date.js'
import type { RegisterDefects } from './noise-profiles.js'
import { orderByHousehold } from './order-by-household.js'
import { personCodes } from './person-codes.js'
import { fates, type Person, type Population, type SimEvent } from './population.js'
import type { SourceNoiser } from './source-noiser.js'
import type { TableSink } from './table-sink.js'
import type { TrueDiscrepancy } from './true-discrepancy.js'
import { writeRow } from './write-row.js'

/** Headers of the family-planning register's persons (全员人口库). */
export const registerPersonsHeader = [
  '个案编号',
  '姓名',
  '公民身份号码',
  '性别',
  '出生日期',
  '婚姻状况',
  '人员类别',
  '人员状态',
  '所属社区',
  '现住址',
  '户号',
] as const

/** Headers of the register's births (生育信息): one row per child, keyed by the mother's 个案编号. */
export const registerBirthsHeader = [
  '个案编号',
  '母亲姓名',
  '母亲身份证号',
  '子女姓名',
  '子女性别',
  '子女出生日期',
] as const

/** What the register holds for one person's primary record, reused by its births table. */
interface Written {
  recordNo: string
  name: string
  id: string
  sex: 1 | 2
  birth: string
}

const destinations = [
  '广东省深圳市',
  '浙江省杭州市',
  '上海市',
  '北京市',
  '江苏省苏州市',
  '广东省东莞市',
  '河南省洛阳市',
]

/**
 * Writes the register as it really is: the true population (everyone with hukou here,
 * inflow migrants, brides who moved here), minus what it missed, with statuses it forgot to
 * update, duplicate records and its own value errors. Returns the true discrepancies.
 */
export function writeRegister(
  pop: Population,
  persons: TableSink,
  births: TableSink,
  noiser: SourceNoiser,
  birthsNoiser: SourceNoiser,
  defects: RegisterDefects,
  rng: Rng,
): TrueDiscrepancy[] {
  const out: TrueDiscrepancy[] = []
  const marriage = new Map<number, SimEvent>()
  const divorce = new Map<number, SimEvent>()
  const birth = new Map<number, SimEvent>()
  const civilDeath = new Set<number>()
  for (const e of pop.events) {
    if (e.type === 'marriage') marriage.set(e.person, e)
    else if (e.type === 'divorce') divorce.set(e.person, e).set(e.other, e)
    else if (e.type === 'birth') birth.set(e.person, e)
    else if (e.type === 'death' && e.recordDay >= 0) civilDeath.add(e.person)
  }
  const needed = new Uint8Array(pop.persons.length)
  for (const p of pop.persons) {
    if (p.mother >= 0 && ageOn(p.birth, pop.windowEnd) < 18) {
      needed[p.id] = 1
      needed[p.mother] = 1
    }
  }
  const written = new Map<number, Written>()
  const serial = new Int32Array(pop.district.communities.length)
  // 个案编号: JS + township and community digits + a serial within the community.
  const nextRecordNo = (community: number): string => {
    const n = (serial[community] as number) + 1
    serial[community] = n
    return `JS${pop.district.communities[community]?.code.slice(6) ?? ''}${String(n).padStart(6, '0')}`
  }
  const visitCommunity = (p: Person): number => (p.residence >= 0 ? p.residence : Math.max(0, p.community))
  const one = (
    d: Omit<TrueDiscrepancy, 'field' | 'trueValue' | 'recordedValue' | 'detail'> & Partial<TrueDiscrepancy>,
  ): void => {
    out.push({ field: '', trueValue: '', recordedValue: '', detail: '', ...d })
  }

  const writePerson = (p: Person): void => {
    const community = visitCommunity(p)
    const c = pop.district.communities[community]
    if (!c) return
    // Omissions: the register never heard of the person.
    const b = birth.get(p.id)
    if (p.origin === 'born' && b && rng.chance(defects.birthUnreported)) {
      const mother = pop.persons[p.mother] as Person
      one({
        type: 'missing-birth',
        community,
        persons: [p.id, mother.id],
        registerLines: [],
        evidence: [
          { person: p.id, scope: ['health-births', 'police-changes'] },
          { person: mother.id, scope: ['health-births'] },
        ],
        requiresEvidence: true,
      })
      return
    }
    if (p.origin === 'inflow' && p.fate === fates.alive && rng.chance(defects.inflowUnregistered)) {
      const age = ageOn(p.birth, pop.windowEnd)
      if (p.sex === 2 && p.marital >= 20 && p.marital < 30 && age >= 15 && age <= 49) {
        one({
          type: 'missing-inflow',
          community,
          persons: [p.id],
          registerLines: [],
          evidence: [{ person: p.id, scope: ['police-temporary'] }],
          requiresEvidence: true,
        })
      }
      return
    }
    const m = marriage.get(p.id)
    if (p.origin === 'external' && m && rng.chance(defects.newlywedMissing)) {
      if (m.recordDay >= 0) {
        one({
          type: 'missing-newlywed',
          community,
          persons: [p.id],
          registerLines: [],
          evidence: [{ person: p.id, scope: ['civil-marriages'] }],
          requiresEvidence: true,
          detail: 'not-in-register',
        })
      }
      return
    }

    // Status: deaths and moves the register did not record.
    let status = '正常'
    if (p.fate === fates.dead) {
      const known = p.origin === 'history' || (p.hukouLocal && p.fateKnownToPolice) || civilDeath.has(p.id)
      if (!known) status = '正常'
      else if (rng.chance(defects.staleDeath)) status = 'stale-death'
      else status = '死亡'
    } else if (p.fate === fates.movedOut) {
      status = rng.chance(defects.staleMoveOut) ? 'stale-move-out' : '迁出'
    }
    const staleType = status === 'stale-death' || status === 'stale-move-out' ? status : null
    if (staleType) status = '正常'

    // Marital status the register forgot to update.
    let marital = p.marital
    let maritalDefect: 'newlywed' | 'divorce' | null = null
    if (
      m &&
      p.origin !== 'external' &&
      p.fate === fates.alive &&
      p.residence >= 0 &&
      rng.chance(defects.newlywedUnmarried)
    ) {
      marital = p.marital === 22 ? 40 : 10
      maritalDefect = 'newlywed'
    } else if (p.divorcedDay >= 0 && p.fate === fates.alive && rng.chance(defects.divorceUnrecorded)) {
      marital = 20
      maritalDefect = 'divorce'
    }

    // Values as the register's clerks typed them.
    const formerKept = p.formerName !== '' && rng.chance(defects.formerNameKept)
    const name = formerKept ? p.formerName : noiser.name(p.name)
    const nameNoise = formerKept ? 'former-name' : noiser.semantic
    const id = noiser.residentId(p.residentId, p.birth, true)
    const idNoise = noiser.semantic
    const sex = noiser.sex(p.sex)
    const sexNoise = noiser.semantic
    const birthText = noiser.date(p.birth, 'iso')
    const birthNoise = noiser.semantic
    const recordedBirth = noiser.day
    const recordNo = nextRecordNo(community)
    const category = p.hukouLocal ? (p.residence >= 0 || p.fate !== fates.alive ? '户籍' : '流出') : '流入'
    // Drawn here, where the cells drew it, so the stream of random numbers is unchanged. A blank
    // 婚姻状况 states no marital status, so it carries no marital defect (truth must not say
    // the register records 未婚 or 已婚 when the cell is empty).
    const maritalBlank = noiser.blank()
    if (maritalBlank) {
      maritalDefect = null
      marital = p.marital
    }
    const cells = [
      recordNo,
      name,
      id,
      personCodes.sexWord(sex),
      birthText,
      maritalBlank ? '' : personCodes.maritalWord(marital),
      category,
      status,
      c.name,
      residenceText(p, pop, noiser, rng),
      p.hukouLocal && !noiser.blank() ? (pop.households[p.household]?.no ?? '') : '',
    ]
    const line = writeRow(persons, noiser, rng, cells, [['subject', p.id]], 1)
    if (needed[p.id])
      written.set(p.id, { recordNo, name, id, sex, birth: formatDate(recordedBirth, 'slash-padded') })
    const lines = [line]
    const base = { community, persons: [p.id], registerLines: lines }
    const others = [{ person: p.id, scope: 'all-other-sources' as const }]
    if (staleType) one({ ...base, type: staleType, evidence: others, requiresEvidence: true })
    if (maritalDefect === 'newlywed' && m && m.recordDay >= 0) {
      one({
        ...base,
        type: 'missing-newlywed',
        evidence: [{ person: p.id, scope: ['civil-marriages'] }],
        requiresEvidence: true,
        field: 'maritalStatus',
        trueValue: personCodes.maritalWord(p.marital),
        recordedValue: personCodes.maritalWord(marital),
        detail: 'still-unmarried',
      })
    } else if (maritalDefect) {
      one({
        ...base,
        type: 'conflict',
        evidence: others,
        requiresEvidence: true,
        field: 'maritalStatus',
        trueValue: personCodes.maritalWord(p.marital),
        recordedValue: personCodes.maritalWord(marital),
        detail: maritalDefect === 'divorce' ? 'divorce-unrecorded' : 'marriage-unrecorded',
      })
    }
    if (nameNoise === 'homophone' || nameNoise === 'near-form' || nameNoise === 'former-name') {
      one({
        ...base,
        type: 'conflict',
        evidence: others,
        requiresEvidence: true,
        field: 'name',
        trueValue: p.name,
        recordedValue: name,
        detail: nameNoise,
      })
    }
    if (birthNoise !== '') {
      one({
        ...base,
        type: 'conflict',
        evidence: others,
        requiresEvidence: true,
        field: 'birthDate',
        trueValue: formatDate(p.birth, 'iso'),
        recordedValue: formatDate(recordedBirth, 'iso'),
        detail: birthNoise,
      })
    }
    if (sexNoise !== '') {
      one({
        ...base,
        type: 'conflict',
        evidence: others,
        requiresEvidence: true,
        field: 'sex',
        trueValue: personCodes.sexWord(p.sex),
        recordedValue: personCodes.sexWord(sex),
        detail: sexNoise,
      })
    }
    if (idNoise !== '') {
      one({
        ...base,
        type: 'invalid-id',
        evidence: [],
        requiresEvidence: false,
        field: 'residentId',
        trueValue: p.residentId,
        recordedValue: id,
        detail: idNoise,
      })
    }

    // A second active record for the same person.
    if (status === '正常' && p.fate === fates.alive && rng.chance(defects.duplicate)) {
      const kind =
        p.birth < -3653 && rng.chance(0.5) ? '15-digit-id' : rng.chance(0.55) ? 'name-variant' : 're-entered'
      const dupCommunity = kind === 're-entered' ? rng.int(pop.district.communities.length) : community
      const dc = pop.district.communities[dupCommunity] ?? c
      const dupName = kind === 'name-variant' ? variantName(p.name, noiser) : p.name
      const dupId =
        kind === '15-digit-id' ? p.residentId.slice(0, 6) + p.residentId.slice(8, 17) : p.residentId
      const dupLine = persons.row(
        [
          nextRecordNo(dupCommunity),
          dupName,
          dupId,
          personCodes.sexWord(p.sex),
          formatDate(p.birth, rng.pick(['iso', 'compact', 'chinese'] as const)),
          personCodes.maritalWord(marital),
          kind === 're-entered' && p.hukouLocal && rng.chance(0.5) ? '流入' : category,
          '正常',
          dc.name,
          kind === 're-entered' ? '' : residenceText(p, pop, noiser, rng),
          '',
        ],
        [['subject', p.id]],
      )
      one({
        type: 'duplicate',
        community,
        persons: [p.id],
        registerLines: [line, dupLine],
        evidence: [],
        requiresEvidence: false,
        detail: kind,
      })
    }
  }

  const order = orderByHousehold(pop)
  for (const id of order) writePerson(pop.persons[id] as Person)
  for (const p of pop.persons) {
    if (p.household >= 0) continue
    const livesHere =
      p.residence >= 0 &&
      (p.origin === 'inflow' ||
        (p.origin === 'born' && !p.hukouLocal) ||
        (p.origin === 'external' && p.marriedDay >= 0))
    if (livesHere) writePerson(p)
  }
  writeRegisterBirths(pop, births, written, birthsNoiser, rng)
  return out
}

function residenceText(p: Person, pop: Population, noiser: SourceNoiser, rng: Rng): string {
  if (noiser.blank()) return ''
  if (p.residence < 0 && p.fate === fates.alive)
    return `外出务工（${destinations[p.id % destinations.length]}）`
  return dwellingAddress(pop, p.dwelling >= 0 ? p.dwelling : p.household, noiser, rng)
}

/** A name variant for a duplicate record: a homophone if there is one, else a space inside. */
function variantName(name: string, noiser: SourceNoiser): string {
  for (let i = 0; i < 20; i++) {
    const v = noiser.name(name)
    if ((noiser.semantic === 'homophone' || noiser.semantic === 'near-form') && v !== name) return v
  }
  return `${name.slice(0, 1)} ${name.slice(1)}`
}

function writeRegisterBirths(
  pop: Population,
  sink: TableSink,
  written: Map<number, Written>,
  noiser: SourceNoiser,
  rng: Rng,
): void {
  const children = new Map<number, number[]>()
  for (const p of pop.persons) {
    if (p.mother < 0 || !written.has(p.id) || !written.has(p.mother)) continue
    const list = children.get(p.mother) ?? []
    list.push(p.id)
    children.set(p.mother, list)
  }
  for (const [mother, kids] of children) {
    const m = written.get(mother) as Written
    for (const k of kids.sort((a, b) => (pop.persons[a]?.birth ?? 0) - (pop.persons[b]?.birth ?? 0))) {
      const c = written.get(k) as Written
      const cells = [m.recordNo, m.name, m.id, c.name, personCodes.sexWord(c.sex), c.birth]
      writeRow(
        sink,
        noiser,
        rng,
        cells,
        [
          ['mother', mother],
          ['child', k],
        ],
        1,
      )
    }
  }
}
