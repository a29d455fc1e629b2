/**
 * Scores 1,000,000 candidate pairs through the match presets (resident ID, name, birth date,
 * sex) with a pattern-cached Fellegi–Sunter model and term-frequency adjustment, and prints
 * pairs/s. Target: ≥ 400,000 scored pairs/s per core. Preparing records (normalizing, pinyin)
 * is ingest's cost and is timed separately.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/match-core.bench.js
 */
import { performance } from 'node:perf_hooks'
import { residentIdCheckChar } from '../src/domain/resident-id.js'
import { createRng } from '../src/generate/create-rng.js'
import type { Comparison, MatchRecord } from '../src/match/comparison.js'
import {
  birthDateComparison,
  chineseNameComparison,
  residentIdComparison,
  sexComparison,
} from '../src/match/comparison-presets.js'
import { estimateU } from '../src/match/estimate-u.js'
import { defaultM } from '../src/match/expectation-maximisation.js'
import type { FellegiSunterModel } from '../src/match/fellegi-sunter.js'
import { createPairScorer } from '../src/match/pair-scorer.js'
import { prepareRecords } from '../src/match/prepare-records.js'
import { normalizeName } from '../src/normalize/name.js'
import { normalizeResidentId } from '../src/normalize/resident-id.js'

const rng = createRng('match-core-bench')
const surnames = [
  ...'王王王李李李张张张刘刘陈陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖',
  '欧阳',
  '司马',
]
const givenChars = [
  ...'伟芳娜秀英敏静丽莉强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬国志海燕雪梅晓东俊子轩浩然欣怡',
]
const homophones: Readonly<Record<string, string>> = { 丽: '莉', 伟: '玮', 明: '铭', 静: '婧', 华: '桦' }

interface Person {
  readonly id: string
  readonly name: string
  readonly sex: 'male' | 'female'
  readonly birth: string
}

function person(): Person {
  const birth = `${rng.between(1950, 2010)}-${pad(rng.between(1, 12))}-${pad(rng.between(1, 28))}`
  const sequence = rng.between(0, 999)
  const body = `4101${pad(rng.between(1, 8))}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`
  const given = rng.pick(givenChars) + (rng.chance(0.7) ? rng.pick(givenChars) : '')
  return {
    id: body + residentIdCheckChar(body),
    name: rng.pick(surnames) + given,
    sex: sequence % 2 === 1 ? 'male' : 'female',
    birth,
  }
}

/** A second record of the same person, with the errors DOMAIN.md lists. */
function noisy(p: Person): Person {
  const roll = rng.next()
  if (roll < 0.1) return { ...p, name: [...p.name].map((ch) => homophones[ch] ?? ch).join('') }
  if (roll < 0.15) return { ...p, id: `${p.id.slice(0, 15)}000` }
  if (roll < 0.2) return { ...p, id: `${p.id.slice(0, 10)}${p.id[11]}${p.id[10]}${p.id.slice(12)}` }
  if (roll < 0.25) return { ...p, birth: `${p.birth.slice(0, 5)}${p.birth.slice(8)}-${p.birth.slice(5, 7)}` }
  if (roll < 0.3) return { ...p, id: '' }
  return p
}

function stored(p: Person): MatchRecord {
  const id = normalizeResidentId(p.id)
  const name = normalizeName(p.name)
  return {
    id_norm: id.norm,
    id_status: id.status,
    name_norm: name.norm,
    name_pinyin: name.norm === null ? null : `${name.surnamePinyin ?? ''}|${name.givenPinyin ?? ''}`,
    sex: p.sex,
    birth_date: p.birth,
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

const people = Array.from({ length: 20_000 }, person)
const records = [...people.map(stored), ...people.map((p) => stored(noisy(p)))]
const comparisons: Comparison[] = [
  residentIdComparison(),
  chineseNameComparison(),
  birthDateComparison({ withinDays: [31] }),
  sexComparison(),
]

let start = performance.now()
const prepared = prepareRecords(records, comparisons)
const prepareMs = performance.now() - start
const u = estimateU(prepared, comparisons, { rng: rng.fork('u').next, sampleSize: 200_000 })
const model: FellegiSunterModel = {
  lambda: 1e-4,
  comparisons: comparisons.map((c, index) => ({
    name: c.name,
    m: defaultM(c.levels.length),
    u: u[index] as number[],
    tfLevel: c.termFrequency?.level ?? null,
    tfMinimumU: 1e-4,
  })),
}

// Half the pairs are true pairs (a person and their second record), half random: blocking
// yields a mix, and true pairs reach the slower, deeper levels less often than random ones.
const pairCount = 1_000_000
const left = new Int32Array(pairCount)
const right = new Int32Array(pairCount)
for (let k = 0; k < pairCount; k++) {
  const i = rng.int(people.length)
  left[k] = i
  right[k] = k % 2 === 0 ? i + people.length : rng.int(records.length)
}

const scorer = createPairScorer(comparisons, prepared, model)
let sink = 0
const run = (): number => {
  start = performance.now()
  for (let k = 0; k < pairCount; k++) sink += scorer.score(left[k] as number, right[k] as number)
  return performance.now() - start
}
run() // warm-up: let the JIT settle
const ms = Math.min(run(), run(), run())
console.log(`prepared ${records.length.toLocaleString('en')} records in ${prepareMs.toFixed(0)} ms`)
console.log(
  `scored ${pairCount.toLocaleString('en')} pairs in ${ms.toFixed(0)} ms: ` +
    `${Math.round(pairCount / (ms / 1000)).toLocaleString('en')} pairs/s (checksum ${sink.toFixed(1)})`,
)
