import type { NormalizedAddress } from '../domain/normalized-values.js'

const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g
// Quotes, brackets and list punctuation carry nothing for matching; '-' and '?' (a lost rare
// character) do, and stay.
const noise = /[,、;:"'“”‘’`()[\]{}<>《》【】〔〕「」『』。.!|]/g
const dashes = /[\u2010-\u2015\u2212\uFE63]/g
const hashAsNumber = /(\d)#/g
const asciiLower = /[a-z]+/g
const placeholders = new Set(['', '-', '--', '/', '\\', '无', '暂无', '不详', '未知', 'NULL', 'NONE', 'N/A'])

// Words a building, unit or room number stands before. 社 (a village group in some provinces)
// only when it is not 社区.
const unitAhead = '(?=号|栋|幢|座|单元|门|室|户|房|层|楼|组|队|排|巷|弄|期|社(?!区))'
const chineseNumber = new RegExp(`第*([〇零一二两三四五六七八九十百千]+)${unitAhead}`, 'g')
const ordinalDigits = new RegExp(`第+(\\d+)${unitAhead}`, 'g')
// 3-2-501 is building 3, unit 2, room 501; 3幢2-501 is unit 2, room 501 of building 3.
const threePart = /(?<![\d-])(\d+)-(\d+)-(\d+)(?:室|号)?(?![\d-])/g
const twoPartAfterBuilding = /(\d+幢)(\d+)-(\d+)(?:室|号)?(?![\d-])/g
const roomAfterUnit = /(\d+单元)(\d+)$/

const digitValue: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const placeValue: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

// Prefix lists come from the pipeline and are reused for every row: prepare each list once.
const preparedPrefixes = new WeakMap<readonly string[], readonly string[]>()

/**
 * Normalizes an address for comparison with another address of the same jurisdiction.
 *
 * In order: NFKC; whitespace, quotes, brackets and list punctuation removed (`-` and `?` kept);
 * dashes unified to `-` and `3#` read as 3号; the jurisdiction's own `prefixes` (e.g. 河南省,
 * 郑州市, 金水区) removed from the start, longest first, as often as they occur (give every form
 * that appears: 郑州 is not inferred from 郑州市, since 金水 is also the start of 金水路);
 * Latin letters upper-cased; Chinese numerals (一…九, 十, 百, 千, 〇/零, 两) turned into Arabic
 * before 号/栋/幢/座/单元/门/室/户/房/层/楼/组/队/排/巷/弄/期/社, dropping an ordinal 第 there;
 * 栋/幢/号楼/座 after a number or letter written 幢; 室/户/房/号房 after a number written 室;
 * `3-2-501` written 3幢2单元501室, `3幢2-501` 3幢2单元501室, and a number ending the address
 * right after N单元 read as the room. 甲/乙/之 are kept (`5号之2`, `甲3号`).
 *
 * `norm` is null for blank or placeholder text (无, 不详, -) and for an address that was only the
 * prefix. Normalizing a `norm` again with the same prefixes returns it unchanged. Never throws.
 * Pass the same `prefixes` array on every call: it is prepared once per array.
 */
export function normalizeAddress(
  raw: string | null | undefined,
  prefixes: readonly string[],
): NormalizedAddress {
  if (raw === null || raw === undefined) return absent
  const list = prepared(prefixes)
  // Household members share an address, and a row's residence often repeats its address.
  if (list !== cachedFor) {
    cache.clear()
    cachedFor = list
  }
  let norm = cache.get(raw)
  if (norm === undefined) {
    norm = normalizedText(raw, list)
    if (cache.size >= cacheLimit) cache.clear()
    cache.set(raw, norm)
  }
  return { raw, norm }
}

// Norms of recent raw addresses for the prefix list in `cachedFor`; cleared when full, which keeps
// it small without the bookkeeping of a true LRU.
const cacheLimit = 1024
const cache = new Map<string, string | null>()
let cachedFor: readonly string[] | null = null

// Ingest asks for absent residence addresses on most rows: one shared, frozen answer costs nothing.
const absent: NormalizedAddress = Object.freeze({ raw: null, norm: null })

// What one pass over the raw text records about each character, to skip the rules it cannot trigger.
const needsNfkc = 1 // outside ASCII and U+3400–U+9FFF: NFKC, dashes and the rest of the general path
const strippable = 2 // ASCII whitespace or noise
const hash = 4
const hyphen = 8
const lowerLatin = 16
const numeral = 32
const ordinal = 64
// Every BMP code unit's flags. ASCII and the CJK ideographs U+3400–U+9FFF have no decomposition and
// compose with nothing, so NFKC leaves text made only of them unchanged (and so does removing some).
const charFlags = new Uint8Array(0x10000).fill(needsNfkc)
charFlags.fill(0, 0, 0x80)
charFlags.fill(0, 0x3400, 0xa000)
// Read off the very regexes the general path uses (without /g, whose test() keeps state).
const invisibleChar = new RegExp(invisible.source)
const noiseChar = new RegExp(noise.source)
for (let code = 0; code < 0x80; code++) {
  const ch = String.fromCharCode(code)
  if (invisibleChar.test(ch) || noiseChar.test(ch)) charFlags[code] = strippable
}
charFlags['#'.charCodeAt(0)] = hash
charFlags['-'.charCodeAt(0)] = hyphen
charFlags.fill(lowerLatin, 'a'.charCodeAt(0), 'z'.charCodeAt(0) + 1)
// 〇 (U+3007) is outside the range above and takes the general path with its own flag.
for (const ch of '零一二两三四五六七八九十百千') charFlags[ch.charCodeAt(0)] = numeral
charFlags['第'.charCodeAt(0)] = ordinal

function normalizedText(raw: string, prefixes: readonly string[]): string | null {
  let flags = 0
  for (let i = 0; i < raw.length; i++) flags |= charFlags[raw.charCodeAt(i)] as number
  let s: string
  if ((flags & needsNfkc) !== 0) {
    const wide = raw.normalize('NFKC')
    const stripped = wide.replace(invisible, '').replace(noise, '')
    // Removing a space or a bracket can leave a combining mark next to a new base character.
    s = stripped.length === wide.length ? stripped : stripped.normalize('NFKC')
    s = s.replace(dashes, '-')
    // NFKC may have made any of the characters below, so every rule stays on the table.
    flags = hash | hyphen | lowerLatin | numeral | ordinal
  } else {
    s = (flags & strippable) === 0 ? raw : raw.replace(invisible, '').replace(noise, '')
  }
  // The rules below only ever add digits, upper-case letters and unit words, so flags read from the
  // text before them still say which later rules can match.
  if ((flags & hash) !== 0) s = s.replace(hashAsNumber, '$1号')
  s = withoutPrefixes(s, prefixes)
  if ((flags & lowerLatin) !== 0) s = s.replace(asciiLower, (letters) => letters.toUpperCase())
  if ((flags & numeral) !== 0) {
    s = s.replace(chineseNumber, (_, numeral: string) => String(chineseNumeralValue(numeral)))
  }
  if ((flags & ordinal) !== 0) s = s.replace(ordinalDigits, '$1')
  s = unifyUnits(s)
  if ((flags & hyphen) !== 0 && s.includes('-')) {
    s = s.replace(threePart, '$1幢$2单元$3室').replace(twoPartAfterBuilding, '$1$2单元$3室')
  }
  const last = s.charCodeAt(s.length - 1)
  if (last >= 48 && last <= 57) s = s.replace(roomAfterUnit, '$1$2室')
  return s.length <= longestPlaceholder && placeholders.has(s) ? null : s
}

// Checking the length first spares hashing a whole address against a set of short words.
const longestPlaceholder = Math.max(...[...placeholders].map((p) => p.length))

// Ingest passes one array for a whole file: remember it and skip the WeakMap lookup.
let lastPrefixes: readonly string[] | null = null
let lastPrepared: readonly string[] = []

function prepared(prefixes: readonly string[]): readonly string[] {
  if (prefixes === lastPrefixes) return lastPrepared
  let list = preparedPrefixes.get(prefixes)
  if (list === undefined) {
    const cleaned = prefixes.map((p) => p.normalize('NFKC').replace(invisible, '').replace(noise, ''))
    list = [...new Set(cleaned.filter((p) => p !== ''))].sort((a, b) => b.length - a.length)
    preparedPrefixes.set(prefixes, list)
  }
  lastPrefixes = prefixes
  lastPrepared = list
  return list
}

function withoutPrefixes(address: string, prefixes: readonly string[]): string {
  let s = address
  let removed = true
  while (removed) {
    removed = false
    for (const prefix of prefixes) {
      if (s.startsWith(prefix)) {
        s = s.slice(prefix.length)
        removed = true
        break
      }
    }
  }
  return s
}

const digit0 = 48
const digit9 = 57
const upperA = 65
const upperZ = 90
const hao = 0x53f7 // 号
const lou = 0x697c // 楼
const fang = 0x623f // 房
const dong = 0x680b // 栋
const zhuang = 0x5e62 // 幢
const zuo = 0x5ea7 // 座
const shi = 0x5ba4 // 室
const hu = 0x6237 // 户

/**
 * `s.replace(/(\d+|[A-Z])(号楼|号房|栋|幢|座|室|户|房)/g, …)` by hand, a few times faster than the
 * regex with a callback: 栋/幢/号楼/座 after a number or letter become 幢, 室/户/房/号房 after a
 * number 室 (a letter before a room word, as in B户, is not a room number). A number is a whole run
 * of ASCII digits: the regex cannot match a shorter run, whose next character is a digit.
 */
function unifyUnits(s: string): string {
  let out = ''
  let copied = 0
  let i = 0
  while (i < s.length) {
    const code = s.charCodeAt(i)
    let end = i + 1
    if (code >= digit0 && code <= digit9) {
      while (end < s.length && isDigit(s.charCodeAt(end))) end++
    } else if (code < upperA || code > upperZ) {
      i = end
      continue
    }
    const unit = s.charCodeAt(end)
    let unitLength = 1
    let building: boolean
    if (unit === hao) {
      const next = s.charCodeAt(end + 1)
      if (next !== lou && next !== fang) {
        i = end
        continue
      }
      unitLength = 2
      building = next === lou
    } else if (unit === dong || unit === zhuang || unit === zuo) {
      building = true
    } else if (unit === shi || unit === hu || unit === fang) {
      building = false
    } else {
      i = end
      continue
    }
    const matchEnd = end + unitLength
    // Already written 幢 or 室, or a letter before a room word: the text stays as it is.
    const rewrite = building ? unit !== zhuang : unit !== shi && isDigit(code)
    if (rewrite) {
      out += `${s.slice(copied, end)}${building ? '幢' : '室'}`
      copied = matchEnd
    }
    i = matchEnd
  }
  return copied === 0 ? s : out + s.slice(copied)
}

function isDigit(code: number): boolean {
  return code >= digit0 && code <= digit9
}

/** 二十三 → 23, 十一 → 11, 一百零五 → 105; without 十/百/千 the digits are read in turn: 一〇一 → 101. */
function chineseNumeralValue(numeral: string): number {
  if (!/[十百千]/.test(numeral)) {
    let digits = 0
    for (const ch of numeral) digits = digits * 10 + (digitValue[ch] ?? 0)
    return digits
  }
  let total = 0
  let digit: number | null = null
  for (const ch of numeral) {
    const place = placeValue[ch]
    if (place === undefined) {
      digit = digitValue[ch] ?? 0
    } else {
      // 十一 has no leading digit: the tens digit is 1.
      total += (digit ?? 1) * place
      digit = null
    }
  }
  return total + (digit ?? 0)
}
