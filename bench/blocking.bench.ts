/**
 * Blocks 1,000,000 synthetic records (born in the 1990s, frequency-weighted surnames, 1990s
 * given names, a tenth of them second records of an earlier person with Excel truncation,
 * legacy IDs, homophones or no ID) under four rules, and prints seconds and pairs/s per rule and
 * for the whole run. Also times the rejected alternative for cross-rule deduplication (a
 * Set<number> of i·2^26 + j over each rule's raw pairs). Target: a few seconds for 3–4 rules.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/blocking.bench.js
 */
import { performance } from 'node:perf_hooks'
import { residentIdCheckChar } from '../src/domain/resident-id.js'
import { createRng } from '../src/generate/create-rng.js'
import { createNameSampler } from '../src/generate/name-sampler.js'
import { blockPairs } from '../src/match/blocking.js'
import type { BlockingRule } from '../src/match/blocking-rule.js'
import type { MatchRecord } from '../src/match/comparison.js'
import { normalizeName } from '../src/normalize/name.js'
import { normalizeResidentId } from '../src/normalize/resident-id.js'

const count = Number(process.argv[2] ?? 1_000_000)
const rng = createRng('blocking-bench')
const names = createNameSampler()
const homophones: Readonly<Record<string, string>> = {
  丽: '莉',
  伟: '玮',
  明: '铭',
  静: '婧',
  华: '桦',
  婷: '亭',
}
const districts = ['410102', '410103', '410104', '410105', '410108', '410122', '410181', '410185']

interface Person {
  readonly id: string
  readonly name: string
  readonly sex: 'male' | 'female'
  readonly birth: string
}

function person(): Person {
  const year = rng.between(1990, 1999)
  const birth = `${year}-${pad(rng.between(1, 12))}-${pad(rng.between(1, 28))}`
  const sequence = rng.between(0, 999)
  const sex = sequence % 2 === 1 ? 'male' : 'female'
  const body = `${rng.pick(districts)}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`
  const name = names.surname(rng) + names.given(rng, sex === 'male' ? 1 : 2, year)
  return { id: body + residentIdCheckChar(body), name, sex, birth }
}

/** A second record of the same person, as another registry holds it. */
function again(p: Person): Person {
  const roll = rng.next()
  if (roll < 0.2) return { ...p, name: [...p.name].map((ch) => homophones[ch] ?? ch).join('') }
  if (roll < 0.3) return { ...p, id: `${p.id.slice(0, 15)}000` }
  if (roll < 0.4) return { ...p, id: p.id.slice(0, 6) + p.id.slice(8, 17) }
  if (roll < 0.55) return { ...p, id: '' }
  return p
}

const nameCache = new Map<string, { norm: string | null; pinyin: string | null }>()
function stored(p: Person): MatchRecord {
  const id = normalizeResidentId(p.id)
  let name = nameCache.get(p.name)
  if (name === undefined) {
    const n = normalizeName(p.name)
    name = {
      norm: n.norm,
      pinyin: n.norm === null ? null : `${n.surnamePinyin ?? ''}|${n.givenPinyin ?? ''}`,
    }
    nameCache.set(p.name, name)
  }
  return {
    id_norm: id.norm,
    id_status: id.status,
    name_norm: name.norm,
    name_pinyin: name.pinyin,
    sex: p.sex,
    birth_date: p.birth,
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

const rules: readonly BlockingRule[] = [
  { name: 'id18', keys: ['id18'] },
  { name: 'id prefix 15', keys: ['idPrefix15'] },
  { name: 'birth date + full-name pinyin', keys: ['birthDate', 'fullNamePinyin'] },
  { name: 'birth date + sex + surname pinyin', keys: ['birthDate', 'sex', 'surnamePinyin'] },
]

let t = performance.now()
const people: Person[] = []
const records: MatchRecord[] = []
for (let i = 0; i < count; i++) {
  const p = i > 0 && rng.chance(0.1) ? again(people[rng.int(people.length)] as Person) : person()
  people.push(p)
  records.push(stored(p))
}
const surnames = new Set(records.map((r) => r.name_pinyin?.split('|')[0]))
const givens = new Set(people.map((p) => p.name.slice(1)))
console.log(
  `${count.toLocaleString('en')} records prepared in ${seconds(t)} s ` +
    `(${surnames.size} surname readings, ~${givens.size} given names, ${nameCache.size} full names)`,
)

for (const rule of rules) {
  t = performance.now()
  const { left, stats } = blockPairs(records, [rule])
  const s = (performance.now() - t) / 1000
  const largest = stats[0]?.largestBlock ?? 0
  console.log(
    `  ${rule.name.padEnd(36)} alone: ${pairs(left.length)} pairs in ${s.toFixed(2)} s ` +
      `(${pairs(left.length / s)} pairs/s; largest block ${largest})`,
  )
}

for (let run = 0; run < 2; run++) {
  t = performance.now()
  const result = blockPairs(records, rules, { maxPairsPerRule: 50_000_000 })
  const s = (performance.now() - t) / 1000
  console.log(
    `all ${rules.length} rules, run ${run + 1}: ${pairs(result.left.length)} pairs in ${s.toFixed(2)} s`,
  )
  for (const st of result.stats) {
    console.log(
      `  ${st.rule.padEnd(36)} in blocks ${pairs(st.pairsInBlocks).padStart(11)}  added ` +
        `${pairs(st.pairsAdded).padStart(11)}  cumulative ${pairs(st.cumulative).padStart(11)}`,
    )
  }
}

// The alternative the block-number check replaced: each rule's raw pairs through one Set.
t = performance.now()
const raw = rules.map((rule) => blockPairs(records, [rule]))
const rawSeconds = (performance.now() - t) / 1000
t = performance.now()
const seen = new Set<number>()
let distinct = 0
for (const { left, right } of raw) {
  for (let k = 0; k < left.length; k++) {
    const key = (left[k] as number) * 2 ** 26 + (right[k] as number)
    if (seen.has(key)) continue
    seen.add(key)
    distinct++
  }
}
console.log(
  `Set<number> dedupe: ${pairs(distinct)} distinct pairs; ${rawSeconds.toFixed(2)} s blocking + ` +
    `${seconds(t)} s in the set`,
)

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2)
}

function pairs(n: number): string {
  return Math.round(n).toLocaleString('en')
}
