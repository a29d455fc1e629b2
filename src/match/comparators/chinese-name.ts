import { foldPinyin } from '../../normalize/pinyin-fold.js'

/**
 * A normalized name prepared once per record so that comparing two names allocates nothing.
 * `?` (a character lost in a GBK file) is a wildcard: it agrees with any character or syllable
 * but is never evidence of agreement by itself.
 */
export interface NameValue {
  /** `name_norm`: simplified, no spaces, e.g. 欧阳修. */
  readonly norm: string
  /** Code points of norm (not UTF-16 units: rare hanzi lie outside the BMP). */
  readonly chars: readonly string[]
  /** Toneless syllables joined by single spaces, surname first: `ou yang xiu`; '' when unknown. */
  readonly pinyin: string
  readonly syllables: readonly string[]
  /** foldPinyin(pinyin): the dialect fuzzy-pinyin key. */
  readonly folded: string
  readonly foldedSyllables: readonly string[]
  /** Surname characters, or null when the name has none. */
  readonly surname: string | null
  /** Whether norm holds a `?`. */
  readonly wild: boolean
}

const wildcard = '?'

/**
 * Builds the comparable form from the stored `name_norm` and `name_pinyin` (`surname|given`,
 * e.g. `ou yang|xiu`); null when norm is null or empty. A null pinyin gives empty syllables, so
 * only the character levels can match. The surname is the part before a middle dot, else as
 * many characters as the surname has syllables (欧阳 has two).
 */
export function toNameValue(norm: string | null, pinyin: string | null): NameValue | null {
  if (norm === null || norm === '') return null
  const bar = pinyin === null ? -1 : pinyin.indexOf('|')
  const surnamePinyin = pinyin === null ? '' : bar < 0 ? '' : pinyin.slice(0, bar)
  const givenPinyin = pinyin === null ? '' : pinyin.slice(bar + 1)
  const joined =
    surnamePinyin === ''
      ? givenPinyin
      : givenPinyin === ''
        ? surnamePinyin
        : `${surnamePinyin} ${givenPinyin}`
  const chars = [...norm]
  const folded = foldPinyin(joined)
  return {
    norm,
    chars,
    pinyin: joined,
    syllables: joined === '' ? [] : joined.split(' '),
    folded,
    foldedSyllables: folded === '' ? [] : folded.split(' '),
    surname: surnameOf(norm, chars, surnamePinyin),
    wild: norm.includes(wildcard),
  }
}

function surnameOf(norm: string, chars: readonly string[], surnamePinyin: string): string | null {
  const dot = norm.indexOf('·')
  if (dot > 0) return norm.slice(0, dot)
  if (surnamePinyin === '') return null
  const count = surnamePinyin.split(' ').length
  return count <= chars.length ? chars.slice(0, count).join('') : null
}

/** Identical names with no `?` in either. */
export function sameName(a: NameValue, b: NameValue): boolean {
  return !a.wild && !b.wild && a.norm === b.norm
}

/** Same toneless pinyin syllable by syllable (homophones: 王丽/王莉); `?` agrees with any syllable. */
export function samePinyin(a: NameValue, b: NameValue): boolean {
  if (!a.wild && !b.wild) return a.pinyin !== '' && a.pinyin === b.pinyin
  return sameTokensWithWildcards(a.syllables, b.syllables)
}

/** Same fuzzy-pinyin key (zh/z, n/l, h/f, ang/an …: foldPinyin); `?` agrees with any syllable. */
export function sameFoldedPinyin(a: NameValue, b: NameValue): boolean {
  if (!a.wild && !b.wild) return a.folded !== '' && a.folded === b.folded
  return sameTokensWithWildcards(a.foldedSyllables, b.foldedSyllables)
}

/**
 * Pinyin strings (syllables and spaces) at most one letter edit apart (`zhang wei`/`zhang wen`).
 * Names holding `?` never match here: a lost character is a whole unknown syllable, which a
 * letter edit cannot describe.
 */
export function pinyinWithinOneEdit(a: NameValue, b: NameValue): boolean {
  if (a.wild || b.wild || a.pinyin === '' || b.pinyin === '') return false
  return withinOneEdit(a.pinyin, b.pinyin)
}

/**
 * Same number of characters with at most one position differing (程咬金/程幺金); a `?` position
 * differs from nothing, and at least one position must agree on real characters.
 */
export function oneCharacterDifferent(a: NameValue, b: NameValue): boolean {
  const n = a.chars.length
  if (n !== b.chars.length) return false
  let differences = 0
  let agreements = 0
  for (let i = 0; i < n; i++) {
    const x = a.chars[i]
    const y = b.chars[i]
    if (x === wildcard || y === wildcard) continue
    if (x === y) agreements++
    else if (++differences > 1) return false
  }
  return agreements > 0
}

/** Both names have a surname, without `?`, and it is the same. */
export function sameSurname(a: NameValue, b: NameValue): boolean {
  return a.surname !== null && a.surname === b.surname && !a.surname.includes(wildcard)
}

function sameTokensWithWildcards(a: readonly string[], b: readonly string[]): boolean {
  const n = a.length
  if (n !== b.length) return false
  let agreements = 0
  for (let i = 0; i < n; i++) {
    const x = a[i]
    const y = b[i]
    if (x === wildcard || y === wildcard) continue
    if (x !== y) return false
    agreements++
  }
  return agreements > 0
}

/** Levenshtein distance ≤ 1 in one pass, without the allocation of a full distance table. */
function withinOneEdit(a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  if (la - lb > 1 || lb - la > 1) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (i === la && i === lb) return true
  // After the first difference the rest must agree with one substitution, insertion or deletion.
  const offsetA = la >= lb ? 1 : 0
  const offsetB = lb >= la ? 1 : 0
  for (let k = i; k + offsetA < la || k + offsetB < lb; k++) {
    if (a.charCodeAt(k + offsetA) !== b.charCodeAt(k + offsetB)) return false
  }
  return true
}
