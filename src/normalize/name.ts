import { Converter } from 'opencc-js/t2cn'
import { pinyin } from 'pinyin-pro'
import type { NormalizedName } from '../domain/normalized-values.js'

// Converting whole strings reads 沈思 as a phrase (沈思波 → 沉思波), so names go character by character.
const toSimplified = Converter({ from: 't', to: 'cn' })

// Characters a per-character conversion must not touch. 乾 is a given-name character in its own
// right (蕭乾 is not 萧干); 於 is a surname distinct from 于. 昇, 陞, 勣 and 吒 are standard characters
// for use in names under the 通用规范汉字表 (2013), which OpenCC folds into 升, 升, 𪟝 and 咤.
const keepTraditional = new Set(['乾', '於', '昇', '陞', '勣', '吒'])

// Compound surnames split off as a unit when the name has three or more characters. Left out on
// purpose: 单于, 乐正 and 宗政, where a common surname (单, 乐, 宗) followed by a common given-name
// character (于, 正, 政) is far more likely than the compound.
const compoundSurnames = new Set(
  (
    '欧阳 司马 诸葛 上官 皇甫 令狐 司徒 尉迟 万俟 长孙 慕容 夏侯 东方 ' +
    '公孙 西门 端木 宇文 独孤 南宫 钟离 澹台 轩辕 呼延 申屠 太史 司空 ' +
    '闻人 濮阳 淳于 鲜于 拓跋 赫连 左丘 公冶 百里 东郭 南门 羊舌 微生 ' +
    '公羊 梁丘 谷梁 第五 纳兰'
  ).split(' '),
)

const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g
// U+FFFD comes from a failed decode; like GBK's '?' it stands for one lost character.
const lostCharacter = /\uFFFD/g
// Middle-dot look-alikes that NFKC leaves alone (． and ･ it has already turned into . and ・).
const middleDots = /[.\u00B7\u2022\u2027\u2219\u22C5\u2E31\u30FB]/g
const dashBetweenHan = /(?<=[\p{Script=Han}?])[-\u2010-\u2015\u2212\uFE63\uFF0D](?=[\p{Script=Han}?])/gu
const repeatedDots = /·{2,}/g
const edgeDots = /^·|·$/g
const placeholderName = new RegExp(
  [
    '^$',
    '^[?·\\d\\p{P}\\p{S}]+$', // nothing that could be a name: lost characters, digits, punctuation
    '^[xX*]+$',
    '之(?:[长次大小二三四五六七八九]|双胞胎?)?[女子男儿婴]\\d*$', // 张丽之女, 某某之子, 张丽之次女
    '(?:^[男女]?婴|婴儿|[男女]婴|新生儿)\\d*$', // 婴儿, 男婴, 张丽婴儿; 晏婴 is a name
    '^\\p{Script=Han}?某{1,2}$', // 某某, 张某, 张某某
    '^(?:无名氏?[男女]?|待定|待取名|未取名|未起名|未命名|暂未取名|暂无|无|不详|未知|空)$',
  ].join('|'),
  'u',
)

const surnameOptions = { toneType: 'none', surname: 'head', v: true } as const
const givenOptions = { toneType: 'none', v: true } as const

interface CharInfo {
  /** What the character becomes in `norm`. */
  readonly simplified: string
  /** Toneless pinyin in a given name (ü written v); null when the character is not hanzi. */
  readonly given: string | null
  /** The same with the surname reading (单 shan, 曾 zeng, 区 ou). */
  readonly surname: string | null
  /**
   * True for a hanzi with a reading that simplifies to one hanzi of U+3400–U+9FFF outside
   * placeholderHints: a name made only of these takes the fast path in plainHanName.
   */
  readonly plain: boolean
}

// Names are built from a few thousand distinct characters, so caching per character makes the
// pinyin and conversion cost vanish after warm-up.
const charInfos = new Map<string, CharInfo>()
const compoundPinyin = new Map<string, string>()
const middleDot: CharInfo = { simplified: '·', given: null, surname: null, plain: false }
// Every placeholderName alternative that a string of hanzi can match contains one of these
// (之女, 婴儿, 新生儿, 某某, 无名, 待定, 未取名, 暂无, 不详, 空); names without any skip the regex.
const placeholderHints = /[之婴儿某无待未暂不空]/
// charInfo by UTF-16 unit for U+3400–U+9FFF, where nearly every name character lives: an array
// index instead of a one-character string and a hash lookup per character.
const firstHan = 0x3400
const lastHan = 0x9fff
const hanInfos: (CharInfo | null)[] = new Array<CharInfo | null>(lastHan - firstHan + 1).fill(null)
// Compound surnames as the two UTF-16 units of their simplified form, to test without slicing.
const compoundCodes = new Set([...compoundSurnames].map((s) => s.charCodeAt(0) * 0x10000 + s.charCodeAt(1)))
// Reused for each plain name: the per-character infos of the name being read.
const scratch: CharInfo[] = []

// Ingest asks for absent former names on nearly every row: one shared, frozen answer costs nothing.
const absent: NormalizedName = Object.freeze(noName(null))
const blank: NormalizedName = Object.freeze(noName(''))

/**
 * Normalizes a personal name for matching, never throwing and never guessing at lost characters.
 *
 * `norm`: NFKC, all whitespace removed (U+3000, U+200B included), every middle-dot look-alike
 * (・ • . ． ‧ ∙ ⋅, and dashes between hanzi) written U+00B7 once, traditional characters simplified
 * one by one (沈思波 stays 沈思波) except the keep-list 乾 於 昇 陞 勣 吒. A GBK-lost `?` (or U+FFFD)
 * stays as `?`, with pinyin `?`; private-use 造字 characters stay as they are, with pinyin `?`.
 *
 * `placeholder` is true, and `norm` null, for names that name nobody: blank, 某某, 张某, …之女,
 * …之子, 婴儿, 男婴, 女婴, 无名, 待定, 未取名, only `?` or digits or punctuation.
 *
 * Split: a name with a middle dot splits at the first dot: `surname` is the part before it, `given`
 * the rest (positional, as the dot carries no more information; 爱新觉罗·溥仪 splits right,
 * 阿不都·热合曼 splits consistently). Otherwise a name of three or more characters that starts
 * with a compound surname (欧阳, 司马, 诸葛, 尉迟, …) splits after two characters, any other name
 * starting with a hanzi or `?` after one; a name starting with anything else has no surname.
 *
 * Pinyin: toneless, syllables joined by single spaces, ü written v (lv, nv). Surnames use surname
 * readings (单 shan, 曾 zeng, 尉迟 yu chi, 万俟 mo qi) except in dotted names, which are
 * transliterations; given names use the common reading of each character. Runs of Latin letters or
 * digits become one lower-case token. `pinyin` = surname syllables then given syllables.
 */
export function normalizeName(raw: string | null | undefined): NormalizedName {
  if (raw === null || raw === undefined) return absent
  if (raw === '') return blank
  let text = raw
  if (isPlainHan(raw)) {
    const quick = plainHanName(raw)
    if (quick !== undefined) return quick
  } else {
    text = clean(raw)
  }
  const infos: CharInfo[] = []
  let norm = ''
  for (const ch of text) {
    const info = charInfo(ch)
    infos.push(info)
    norm += info.simplified
  }
  if (placeholderName.test(norm)) return noName(raw)
  return split(raw, norm, infos)
}

/** True when every code unit is a CJK ideograph (U+3400–U+9FFF): NFKC-stable, no spaces, no dots. */
function isPlainHan(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x3400 || code > 0x9fff) return false
  }
  return true
}

/**
 * The fast path for hanzi-only names whose characters are all `plain`: what the general path
 * computes, without iterating by code point, building an infos array, running the placeholder regex
 * (no alternative can match) or slicing out single characters. Undefined for any other name.
 */
function plainHanName(raw: string): NormalizedName | undefined {
  const length = raw.length
  let changed = false
  for (let i = 0; i < length; i++) {
    const code = raw.charCodeAt(i)
    const info = hanInfos[code - firstHan] ?? hanInfo(code)
    if (!info.plain) return undefined
    if (info.simplified.charCodeAt(0) !== code) changed = true
    scratch[i] = info
  }
  let norm = raw
  if (changed) {
    norm = ''
    for (let i = 0; i < length; i++) norm += (scratch[i] as CharInfo).simplified
  }
  const first = scratch[0] as CharInfo
  if (length >= 3 && compoundCodes.has(norm.charCodeAt(0) * 0x10000 + norm.charCodeAt(1))) {
    const head = norm.slice(0, 2)
    return name(raw, norm, head, norm.slice(2), compoundReading(head), givenReading(2, length))
  }
  const given = length === 2 ? (scratch[1] as CharInfo).simplified : norm.slice(1)
  return name(raw, norm, first.simplified, given, first.surname as string, givenReading(1, length))
}

function hanInfo(code: number): CharInfo {
  const info = charInfo(String.fromCharCode(code))
  hanInfos[code - firstHan] = info
  return info
}

/** spell(scratch, from, to) for plain characters, which all have a reading. */
function givenReading(from: number, to: number): string {
  if (from >= to) return ''
  let out = (scratch[from] as CharInfo).given as string
  for (let i = from + 1; i < to; i++) out = `${out} ${(scratch[i] as CharInfo).given as string}`
  return out
}

function clean(raw: string): string {
  return (
    raw
      .normalize('NFKC')
      .replace(invisible, '')
      // Removing a space can leave a combining mark next to a new base character.
      .normalize('NFKC')
      .replace(lostCharacter, '?')
      .replace(middleDots, '·')
      .replace(dashBetweenHan, '·')
      .replace(repeatedDots, '·')
      .replace(edgeDots, '')
  )
}

function charInfo(ch: string): CharInfo {
  let info = charInfos.get(ch)
  if (info === undefined) {
    info = describe(ch)
    charInfos.set(ch, info)
  }
  return info
}

function describe(ch: string): CharInfo {
  if (ch === '·') return middleDot
  if (ch === '?') return { simplified: '?', given: '?', surname: '?', plain: false }
  const code = ch.codePointAt(0) ?? 0
  if (code >= 0xe000 && code <= 0xf8ff) return { simplified: ch, given: '?', surname: '?', plain: false }
  const simplified = keepTraditional.has(ch) ? ch : simplify(ch)
  const given = pinyin(simplified, givenOptions)
  // pinyin-pro hands back anything it cannot read unchanged.
  if (given === simplified || given === '') return { simplified, given: null, surname: null, plain: false }
  const unit = simplified.charCodeAt(0)
  const plain =
    simplified.length === 1 &&
    unit >= firstHan &&
    unit <= lastHan &&
    hanScript.test(simplified) &&
    !placeholderHints.test(simplified)
  return { simplified, given, surname: pinyin(simplified, surnameOptions), plain }
}

// Not every code point of U+3400–U+9FFF is a hanzi: U+4DC0–U+4DFF are hexagram symbols (\p{S}).
const hanScript = /^\p{Script=Han}$/u

/** t→s until nothing changes, so normalizing a normalized name changes nothing. */
function simplify(ch: string): string {
  let current = ch
  for (let round = 0; round < 3; round++) {
    const next = toSimplified(current)
    // A conversion to anything but one character would change the name's length: keep the original.
    if ([...next].length !== 1) return current
    if (next === current) return current
    current = next
  }
  return current
}

function split(raw: string, norm: string, infos: readonly CharInfo[]): NormalizedName {
  const dot = infos.indexOf(middleDot)
  if (dot >= 0) {
    const at = norm.indexOf('·')
    const surnamePinyin = spell(infos, 0, dot)
    const givenPinyin = spell(infos, dot + 1, infos.length)
    return name(raw, norm, norm.slice(0, at), norm.slice(at + 1), surnamePinyin, givenPinyin)
  }
  const first = infos[0] as CharInfo
  if (first.surname === null) return name(raw, norm, null, norm, '', spell(infos, 0, infos.length))
  const head = infos.length >= 3 ? norm.slice(0, 2) : ''
  if (compoundSurnames.has(head)) {
    return name(raw, norm, head, norm.slice(2), compoundReading(head), spell(infos, 2, infos.length))
  }
  const surnameLength = first.simplified.length
  return name(
    raw,
    norm,
    norm.slice(0, surnameLength),
    norm.slice(surnameLength),
    first.surname,
    spell(infos, 1, infos.length),
  )
}

function compoundReading(surname: string): string {
  let reading = compoundPinyin.get(surname)
  if (reading === undefined) {
    reading = pinyin(surname, { ...surnameOptions, type: 'array' }).join(' ')
    compoundPinyin.set(surname, reading)
  }
  return reading
}

/** Given-name pinyin of infos[from, to): one syllable per hanzi, one token per run of anything else. */
function spell(infos: readonly CharInfo[], from: number, to: number): string {
  let out = ''
  let run = ''
  for (let i = from; i < to; i++) {
    const info = infos[i] as CharInfo
    if (info.given === null) {
      if (info === middleDot) {
        out = joined(out, run)
        run = ''
      } else {
        run += info.simplified.toLowerCase()
      }
      continue
    }
    if (run !== '') {
      out = joined(out, run)
      run = ''
    }
    out = out === '' ? info.given : `${out} ${info.given}`
  }
  return joined(out, run)
}

function joined(left: string, right: string): string {
  if (right === '') return left
  return left === '' ? right : `${left} ${right}`
}

function name(
  raw: string,
  norm: string,
  surname: string | null,
  given: string,
  surnamePinyin: string,
  givenPinyin: string,
): NormalizedName {
  const both = joined(surnamePinyin, givenPinyin)
  return {
    raw,
    norm,
    surname,
    given: given === '' ? null : given,
    pinyin: both === '' ? null : both,
    surnamePinyin: surnamePinyin === '' ? null : surnamePinyin,
    givenPinyin: givenPinyin === '' ? null : givenPinyin,
    placeholder: false,
  }
}

function noName(raw: string | null): NormalizedName {
  return {
    raw,
    norm: null,
    surname: null,
    given: null,
    pinyin: null,
    surnamePinyin: null,
    givenPinyin: null,
    placeholder: true,
  }
}
