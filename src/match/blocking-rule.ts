import { attributeNamePattern, attributePrefix } from '../domain/attribute.js'
import type { MatchRecord } from './comparison.js'

/**
 * Every key a blocking rule may name: a value derived from one record of the `record` table
 * (record.table.ts columns `id_norm`, `id_status`, `name_norm`, `name_pinyin` as `surname|given`,
 * `sex`, `birth_date`, `community`) or from a detail field the caller copies onto the record
 * (`householdNo`, `address`, RecordDetail names). Closed on purpose: a pipeline names keys, it
 * does not write conditions (STYLE.md §12, no free-form condition strings).
 */
export const blockingKeys = [
  'id18',
  'idPrefix15',
  'idBirthDate',
  'idSexDigitParity',
  'idRegion',
  'birthDate',
  'birthYear',
  'sex',
  'surnamePinyin',
  'givenPinyin',
  'fullNamePinyin',
  'name',
  'givenName',
  'householdNo',
  'community',
  'address',
  'homeAddress',
] as const

/** One of the fixed keys over the `record` table's columns, e.g. 'idPrefix15' or 'givenPinyin'. */
export type PresetBlockingKey = (typeof blockingKeys)[number]

/**
 * A key over a pipeline's attribute (domain/attribute.ts): `attr.<name>` is its normalized value;
 * `attr.<name>:first<n>` its first n characters and `attr.<name>:last<n>` its last n (n from 1 to
 * 99; a value shorter than n has no key), e.g. `attr.surname:first3`, `attr.date_of_birth:first4`
 * (the year of a YYYY-MM-DD date). A closed grammar, not a condition language.
 */
export type AttributeBlockingKey = `attr.${string}`

/** One derived key of a record: a preset or an attribute key. */
export type BlockingKey = PresetBlockingKey | AttributeBlockingKey

/** The attribute key forms, for error messages listing what is allowed. */
export const attributeBlockingKeyForms = [
  'attr.<name>',
  'attr.<name>:first<n>',
  'attr.<name>:last<n>',
] as const

/** An attribute key taken apart. */
export interface ParsedAttributeKey {
  readonly attribute: string
  readonly part: { readonly kind: 'whole' } | { readonly kind: 'first' | 'last'; readonly length: number }
}

const attributeKeyPattern = /^attr\.([^:]+)(?::(first|last)([1-9][0-9]?))?$/

/** The parts of an attribute blocking key, or null when `key` is not one. */
export function parseAttributeBlockingKey(key: string): ParsedAttributeKey | null {
  const m = attributeKeyPattern.exec(key)
  if (m === null || !attributeNamePattern.test(m[1] as string)) return null
  const attribute = m[1] as string
  if (m[2] === undefined) return { attribute, part: { kind: 'whole' } }
  return { attribute, part: { kind: m[2] as 'first' | 'last', length: Number(m[3]) } }
}

/**
 * A blocking rule, as data: two records are a candidate pair under the rule when every key has
 * the same non-null value on both. A record whose value for any key is null is in no block of
 * the rule (Splink's lesson: null never equals null, or every record without an ID would pair
 * with every other).
 * @example { name: 'birth date + full-name pinyin', keys: ['birthDate', 'fullNamePinyin'] }
 */
export interface BlockingRule {
  /** Shown in `bidui blocking` and in budget errors. */
  readonly name: string
  readonly keys: readonly BlockingKey[]
}

/** True when `name` is a preset key or a well-formed attribute key; for validating pipeline files. */
export function isBlockingKey(name: string): name is BlockingKey {
  return (blockingKeys as readonly string[]).includes(name) || parseAttributeBlockingKey(name) !== null
}

// Statuses whose id_norm is an 18-character ID with all 18 characters as written or derived.
const fullIdStatuses: ReadonlySet<string> = new Set(['valid', 'upgraded_from_15', 'bad_check_digit'])
// Add Excel-truncated IDs, whose first 15 characters (region, birth date, first sequence digit) survive.
const prefixIdStatuses: ReadonlySet<string> = new Set([...fullIdStatuses, 'excel_truncated'])

/** Non-empty text or null: an empty cell blocks with nothing. */
function text(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : value
}

function fullId(r: MatchRecord): string | null {
  const id = text(r.id_norm)
  const status = r.id_status
  return id !== null && id.length === 18 && status != null && fullIdStatuses.has(status) ? id : null
}

function prefixId(r: MatchRecord): string | null {
  const id = text(r.id_norm)
  const status = r.id_status
  return id !== null && id.length === 18 && status != null && prefixIdStatuses.has(status) ? id : null
}

function birthDate(r: MatchRecord): string | null {
  const date = text(r.birth_date)
  return date !== null && date.length === 10 ? date : null
}

function pinyinPart(r: MatchRecord, part: 'surname' | 'given'): string | null {
  const pinyin = text(r.name_pinyin)
  if (pinyin === null) return null
  const bar = pinyin.indexOf('|')
  if (bar < 0) return part === 'given' ? pinyin : null
  return text(part === 'surname' ? pinyin.slice(0, bar) : pinyin.slice(bar + 1))
}

/**
 * The given-name characters of name_norm, split as normalize/name.ts splits: after the first
 * middle dot; else after as many characters as the surname has pinyin syllables (one per hanzi,
 * so 欧阳 takes two); the whole name when there is no surname. Null without name or pinyin,
 * since a compound surname cannot be told from the characters alone.
 */
function givenName(r: MatchRecord): string | null {
  const norm = text(r.name_norm)
  if (norm === null) return null
  const dot = norm.indexOf('·')
  if (dot >= 0) return text(norm.slice(dot + 1))
  const pinyin = text(r.name_pinyin)
  if (pinyin === null) return null
  const bar = pinyin.indexOf('|')
  if (bar <= 0) return norm
  let syllables = 1
  for (let i = 0; i < bar; i++) if (pinyin.charCodeAt(i) === 32) syllables++
  let at = 0
  for (let s = 0; s < syllables && at < norm.length; s++) {
    const unit = norm.charCodeAt(at)
    // Rare surnames live outside the BMP: step over the whole surrogate pair.
    at += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1
  }
  return text(norm.slice(at))
}

/**
 * One pure extractor per key. Each returns the key's value for a record, or null when the
 * record has none (then it is in no block of a rule naming the key).
 *
 * - `id18`: id_norm when id_status is valid, upgraded_from_15 (the 18-character upgrade) or
 *   bad_check_digit; not excel_truncated, whose last three digits are Excel's zeros.
 * - `idPrefix15`: the first 15 characters of any 18-character ID, Excel-truncated ones included:
 *   the key that finds a truncated ID's owner (DOMAIN.md).
 * - `idBirthDate`: ID digits 7–14 (YYYYMMDD), truncated IDs included.
 * - `idSexDigitParity`: 'male' or 'female' from digit 17; not for truncated IDs (digit 17 lost).
 * - `idRegion`: ID digits 1–6, also from a malformed ID that starts with six digits (a dropped
 *   digit later in the number leaves the region intact).
 * - `birthDate` (YYYY-MM-DD) and `birthYear` from birth_date; `sex` as stored.
 * - `surnamePinyin`, `givenPinyin`: the parts of name_pinyin; `fullNamePinyin` both, joined by a
 *   space, so a two-character 欧阳 split as ou|yang blocks with a name split as ou yang|….
 * - `name`: name_norm; `givenName`: its given-name characters (see above).
 * - `householdNo`, `community`, `address`: the fields of those names, as given.
 * - `homeAddress`: where the person lives: the normalized `residence` when the record gives one
 *   (计生 现住址, 暂住 居住地址, a certificate's 家庭住址), else `address` (公安 住址). A newborn
 *   on a birth certificate has neither name nor ID yet; its family's address is what it shares
 *   with its police and register records.
 */
const presetExtractors: Readonly<Record<PresetBlockingKey, Extractor>> = {
  id18: fullId,
  idPrefix15: (r) => prefixId(r)?.slice(0, 15) ?? null,
  idBirthDate: (r) => prefixId(r)?.slice(6, 14) ?? null,
  idSexDigitParity: (r) => {
    const id = fullId(r)
    return id === null ? null : (id.charCodeAt(16) & 1) === 1 ? 'male' : 'female'
  },
  idRegion: (r) => {
    const id = prefixId(r)
    if (id !== null) return id.slice(0, 6)
    const norm = r.id_status === 'malformed' ? text(r.id_norm) : null
    return norm !== null && /^\d{6}/.test(norm) ? norm.slice(0, 6) : null
  },
  birthDate,
  birthYear: (r) => birthDate(r)?.slice(0, 4) ?? null,
  sex: (r) => text(r.sex),
  surnamePinyin: (r) => pinyinPart(r, 'surname'),
  givenPinyin: (r) => pinyinPart(r, 'given'),
  fullNamePinyin: (r) => {
    const pinyin = text(r.name_pinyin)
    if (pinyin === null) return null
    const bar = pinyin.indexOf('|')
    if (bar < 0) return pinyin
    return text(bar === 0 ? pinyin.slice(1) : `${pinyin.slice(0, bar)} ${pinyin.slice(bar + 1)}`)
  },
  name: (r) => text(r.name_norm),
  givenName,
  householdNo: (r) => text(r.householdNo),
  community: (r) => text(r.community),
  address: (r) => text(r.address),
  homeAddress: (r) => text(r.residence) ?? text(r.address),
}

type Extractor = (record: MatchRecord) => string | null

const attributeExtractors = new Map<string, Extractor>()

/**
 * The extractor of any key, preset or attribute; undefined for a key outside the vocabulary.
 * An attribute key reads the record's `attr.<name>` value (match-records.repository.ts puts it
 * there), whole or its first/last n characters.
 */
export function blockingKeyExtractor(key: string): Extractor | undefined {
  if (Object.hasOwn(presetExtractors, key)) return presetExtractors[key as PresetBlockingKey]
  let extract = attributeExtractors.get(key)
  if (extract !== undefined) return extract
  const parsed = parseAttributeBlockingKey(key)
  if (parsed === null) return undefined
  const field = attributePrefix + parsed.attribute
  const { part } = parsed
  if (part.kind === 'whole') extract = (r) => text(r[field])
  else if (part.kind === 'first') {
    extract = (r) => {
      const v = text(r[field])
      return v !== null && v.length >= part.length ? v.slice(0, part.length) : null
    }
  } else {
    extract = (r) => {
      const v = text(r[field])
      return v !== null && v.length >= part.length ? v.slice(v.length - part.length) : null
    }
  }
  attributeExtractors.set(key, extract)
  return extract
}

// Joins key values; a control character no normalized value holds, so ('a b', 'c') ≠ ('a', 'b c').
const separator = '\u001f'

/**
 * The composite block key of a record under a rule: its key values joined, or null when any of
 * them is null (the record is in no block of the rule).
 * @throws RangeError for a key outside the vocabulary (a pipeline validation bug, not data).
 * @example blockingRuleKey({ name: 'dob+name', keys: ['birthDate', 'fullNamePinyin'] }, record)
 */
export function blockingRuleKey(rule: BlockingRule, record: MatchRecord): string | null {
  const keys = rule.keys
  let composite = ''
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as BlockingKey
    const extract = blockingKeyExtractor(key)
    if (extract === undefined) throw new RangeError(`Blocking rule ${rule.name}: unknown key ${key}.`)
    const value = extract(record)
    if (value === null) return null
    composite = k === 0 ? value : composite + separator + value
  }
  return composite
}
