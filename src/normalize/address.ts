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
// One pass for both: 栋/幢/号楼/座 after a number or letter are buildings, 室/户/房/号房 after a number rooms.
const numberedUnit = /(\d+|[A-Z])(号楼|号房|栋|幢|座|室|户|房)/g
const endsWithDigit = /\d$/
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
  if (raw === null || raw === undefined) return { raw: null, norm: null }
  const wide = raw.normalize('NFKC')
  const stripped = wide.replace(invisible, '').replace(noise, '')
  // Removing a space or a bracket can leave a combining mark next to a new base character.
  let s = stripped.length === wide.length ? stripped : stripped.normalize('NFKC')
  s = s.replace(dashes, '-')
  if (s.includes('#')) s = s.replace(hashAsNumber, '$1号')
  s = withoutPrefixes(s, prepared(prefixes))
    .replace(asciiLower, (letters) => letters.toUpperCase())
    .replace(chineseNumber, (_, numeral: string) => String(chineseNumeralValue(numeral)))
  // The rules below are guarded by cheap checks: most addresses need only one or two of them.
  if (s.includes('第')) s = s.replace(ordinalDigits, '$1')
  s = s.replace(numberedUnit, unifyUnit)
  if (s.includes('-'))
    s = s.replace(threePart, '$1幢$2单元$3室').replace(twoPartAfterBuilding, '$1$2单元$3室')
  if (endsWithDigit.test(s)) s = s.replace(roomAfterUnit, '$1$2室')
  return { raw, norm: placeholders.has(s) ? null : s }
}

function prepared(prefixes: readonly string[]): readonly string[] {
  let list = preparedPrefixes.get(prefixes)
  if (list === undefined) {
    const cleaned = prefixes.map((p) => p.normalize('NFKC').replace(invisible, '').replace(noise, ''))
    list = [...new Set(cleaned.filter((p) => p !== ''))].sort((a, b) => b.length - a.length)
    preparedPrefixes.set(prefixes, list)
  }
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

function unifyUnit(whole: string, number: string, unit: string): string {
  if (unit === '号楼' || unit === '栋' || unit === '幢' || unit === '座') return `${number}幢`
  // A letter before a room word (B户) is not a room number.
  return number.charCodeAt(0) <= 57 ? `${number}室` : whole
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
