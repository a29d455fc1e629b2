/**
 * Times each pure normalizer on 200,000 realistic values of a police household snapshot and prints
 * µs per call, best of 3 after a warm-up. About 5 % of the values are messy (full-width digits,
 * lowercase x, stray spaces, 15-digit IDs, Chinese numerals, traditional characters) so the slow
 * paths stay in the mix; the rest have the clean shapes real exports mostly carry.
 *
 * The "clean … only" lines time the same generators with no messy values: the fast paths alone.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/normalizers.bench.js [label filter, e.g. Address]
 */
import { performance } from 'node:perf_hooks'
import { residentIdCheckChar } from '../src/domain/resident-id.js'
import { normalizeAddress } from '../src/normalize/address.js'
import { buildCommunityResolver, type CommunityInput } from '../src/normalize/community.js'
import { normalizeDate } from '../src/normalize/date.js'
import { normalizeMaritalStatus } from '../src/normalize/marital-status.js'
import { normalizeName } from '../src/normalize/name.js'
import { normalizeResidentId } from '../src/normalize/resident-id.js'
import { normalizeSex } from '../src/normalize/sex.js'

const count = 200_000
let messyPercent = 5

// A seeded linear congruential generator keeps the input identical from run to run.
let seed = 20261
function next(n: number): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed % n
}
function pick<T>(list: readonly T[]): T {
  return list[next(list.length)] as T
}
function messy(): boolean {
  return next(100) < messyPercent
}
function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
const toWide = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

// ---- inputs ----

const regions = ['410105', '410105', '410105', '410102', '410103', '410104', '410122', '411302', '999999']

function birth(): { y: number; m: number; d: number } {
  const y = 1925 + next(100)
  const m = 1 + next(12)
  return { y, m, d: 1 + next(28) }
}

function residentId(): string {
  const { y, m, d } = birth()
  const body = `${pick(regions)}${y}${pad2(m)}${pad2(d)}${String(next(1000)).padStart(3, '0')}`
  const id = body + residentIdCheckChar(body)
  if (!messy()) return id
  switch (next(6)) {
    case 0:
      return id.toLowerCase().replace('X', 'x').replace(/.$/, 'x')
    case 1:
      return toWide(id)
    case 2:
      return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`
    case 3:
      return id.slice(0, 6) + id.slice(8, 17) // a legacy 15-digit number
    case 4:
      return `'${id}`
    default:
      return next(2) === 0 ? '无' : id.slice(0, 17)
  }
}

function date(): string {
  const { y, m, d } = birth()
  if (messy()) {
    switch (next(5)) {
      case 0:
        return toWide(`${y}年${m}月${d}日`)
      case 1:
        return ` ${y}-${pad2(m)}-${pad2(d)} `
      case 2:
        return `${y}-${pad2(m)}-${pad2(d)} 08:30:00`
      case 3:
        return '不详'
      default:
        return `${y}.${m}.${d}`
    }
  }
  switch (next(4)) {
    case 0:
      return `${y}${pad2(m)}${pad2(d)}`
    case 1:
      return `${y}-${pad2(m)}-${pad2(d)}`
    case 2:
      return `${y}/${m}/${d}`
    default:
      return `${y}年${m}月${d}日`
  }
}

const prefixes = ['河南省', '郑州市', '金水区']
const roads = ['文化路', '丰庆路', '丰产路', '经三路', '纬五路', '优胜南路', '黄河路', '农业路']
const chineseDigits = [...'一二三四五六七八九']

function address(): string {
  const road = pick(roads)
  const no = 1 + next(300)
  const building = 1 + next(30)
  const unit = 1 + next(6)
  const room = (1 + next(30)) * 100 + 1 + next(4)
  const start = next(10) < 8 ? '河南省郑州市金水区' : '郑州市金水区'
  if (messy()) {
    switch (next(5)) {
      case 0:
        return `${start}${road}${pick(chineseDigits)}号${pick(chineseDigits)}号楼${pick(chineseDigits)}单元`
      case 1:
        return toWide(`${start}${road}${no}号${building}号楼${unit}单元${room}室`)
      case 2:
        return `${start} ${road}${no}号 ${building}-${unit}-${room}`
      case 3:
        return `${start}${road}${no}号院${building}幢${unit}-${room}`
      default:
        return `${start}${road}（原${pick(roads)}）${no}号${building}#楼${unit}单元${room}`
    }
  }
  return next(2) === 0
    ? `${start}${road}${no}号${building}号楼${unit}单元${room}室`
    : `${start}${road}${no}号院${building}栋${unit}单元${room}室`
}

const surnames = [
  ...'王王王李李李张张张刘刘陈陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单区仇解',
  '欧阳',
  '司马',
]
const givenChars = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬建国志海燕雪梅晓东俊子轩浩然欣怡梓涵宇一诺雨桐思远嘉佳琪',
]

function personName(): string {
  let name = pick(surnames) + pick(givenChars)
  if (next(10) < 7) name += pick(givenChars)
  if (!messy()) return name
  switch (next(4)) {
    case 0:
      return `${name.slice(0, 1)} ${name.slice(1)}`
    case 1:
      // Traditional characters where the name has them, and one given-name character that always is.
      return `${name.replace('张', '張').replace('刘', '劉').replace('华', '華')}偉`
    case 2:
      return `阿不都·${name.slice(1)}`
    default:
      return `${name.slice(0, 1)}\u3000${name.slice(1)}`
  }
}

const communities = [
  { code: '410105001001', name: '文化路社区', aliases: ['文化路居委会', '文化路社区居委会'] },
  { code: '410105001002', name: '纬三路社区', aliases: ['纬三路居委会', '纬三路社区居委会'] },
  { code: '410105001003', name: '丰产路社区', aliases: ['丰产路居委会', '丰产路社区居委会'] },
  { code: '410105001006', name: '凤凰台社区', aliases: ['凤凰台居委会', '凤凰台社区居委会'] },
]
const communityNames = ['文化路居委会', '纬三路居委会', '丰产路居委会', '凤凰台居委会', '文化路社区']

// Household members share an address: repeat each one for a household of 1–5 people, as exports do.
function households(make: () => string): string[] {
  const out: string[] = []
  while (out.length < count) {
    const value = make()
    for (let n = 1 + next(5); n > 0 && out.length < count; n--) out.push(value)
  }
  return out
}

/**
 * A CSV reader hands every row a new string, cut from its line, whose hash V8 has not computed yet.
 * Reusing one string object per distinct value would flatter every Map lookup keyed by the text.
 */
function fresh(value: string): string {
  return `${value}\u0000`.slice(0, value.length)
}

const ids = Array.from({ length: count }, residentId).map(fresh)
const dates = Array.from({ length: count }, date).map(fresh)
const addresses = households(address).map(fresh)
const names = Array.from({ length: count }, personName).map(fresh)
const sexes = Array.from({ length: count }, () =>
  fresh(messy() ? pick([' 男', '女 ', 'M', '未知']) : pick(['1', '2'])),
)
const maritals = Array.from({ length: count }, () =>
  fresh(messy() ? pick(['已婚 ', '离异', '９０']) : pick(['10', '20', '21', '22', '30'])),
)
// The same generators with no messy values: what the fast paths alone cost.
messyPercent = 0
const cleanIds = Array.from({ length: count }, residentId).map(fresh)
const cleanDates = Array.from({ length: count }, date).map(fresh)
const cleanAddresses = households(address).map(fresh)
const cleanNames = Array.from({ length: count }, personName).map(fresh)
messyPercent = 5

const communityInputs: CommunityInput[] = addresses.map((a) => ({
  community: pick(communityNames),
  address: a,
}))
const resolve = buildCommunityResolver(communities)

// ---- timing ----

let sink = 0

interface Case {
  readonly label: string
  readonly run: () => void
}

// Each case owns its loop so that every call site stays monomorphic.
const cases: Case[] = [
  {
    label: 'normalizeResidentId',
    run: () => {
      for (const v of ids) sink += normalizeResidentId(v).status.length
    },
  },
  {
    label: 'normalizeDate',
    run: () => {
      for (const v of dates) sink += normalizeDate(v).status.length
    },
  },
  {
    label: 'normalizeAddress',
    run: () => {
      for (const v of addresses) sink += normalizeAddress(v, prefixes).norm?.length ?? 0
    },
  },
  {
    label: 'normalizeName',
    run: () => {
      for (const v of names) sink += normalizeName(v).pinyin?.length ?? 0
    },
  },
  {
    label: '  clean IDs only',
    run: () => {
      for (const v of cleanIds) sink += normalizeResidentId(v).status.length
    },
  },
  {
    label: '  clean dates only',
    run: () => {
      for (const v of cleanDates) sink += normalizeDate(v).status.length
    },
  },
  {
    label: '  clean addresses only',
    run: () => {
      for (const v of cleanAddresses) sink += normalizeAddress(v, prefixes).norm?.length ?? 0
    },
  },
  {
    label: '  clean names only',
    run: () => {
      for (const v of cleanNames) sink += normalizeName(v).pinyin?.length ?? 0
    },
  },
  {
    label: 'normalizeSex',
    run: () => {
      for (const v of sexes) sink += normalizeSex(v) === null ? 0 : 1
    },
  },
  {
    label: 'normalizeMaritalStatus',
    run: () => {
      for (const v of maritals) sink += normalizeMaritalStatus(v) === null ? 0 : 1
    },
  },
  {
    label: 'communityResolver',
    run: () => {
      for (const v of communityInputs) sink += resolve(v)?.length ?? 0
    },
  },
  {
    label: 'null/blank inputs (×4)',
    run: () => {
      for (let i = 0; i < count; i++) {
        sink += normalizeName(null).placeholder ? 1 : 0
        sink += normalizeAddress(null, prefixes).norm === null ? 1 : 0
        sink += normalizeDate(null).status.length
        sink += normalizeResidentId(null).status.length
      }
    },
  },
]

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

// An optional argument keeps only the cases whose label contains it: `… normalizers.bench.js Address`.
const only = process.argv[2]
const chosen = only === undefined ? cases : cases.filter((c) => c.label.includes(only))
for (const c of chosen) time(c.run) // warms the per-character caches and the JIT
for (const c of chosen) {
  const best = Math.min(time(c.run), time(c.run), time(c.run))
  const perCall = (best * 1000) / count
  process.stdout.write(`${c.label.padEnd(24)} ${perCall.toFixed(3).padStart(7)} µs/call\n`)
}
process.stdout.write(`(checksum ${sink})\n`)
