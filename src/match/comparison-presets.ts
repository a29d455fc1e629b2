import {
  dayMonthSwapped,
  sameDate,
  sameYearMonth,
  withinDays,
  withinOneDigit,
} from './comparators/birth-date.js'
import {
  type NameValue,
  oneCharacterDifferent,
  pinyinWithinOneEdit,
  sameFoldedPinyin,
  sameName,
  samePinyin,
  sameSurname,
  toNameValue,
} from './comparators/chinese-name.js'
import { withinEdits } from './comparators/edit-distance.js'
import { exactMatch } from './comparators/exact.js'
import {
  adjacentTransposition,
  oneSubstitutionApart,
  type ResidentIdValue,
  sameBirthAndSequencePart,
  sameLegacyResidentId,
  samePrefixWhenTruncated,
  sameResidentId,
  toResidentIdValue,
} from './comparators/resident-id.js'
import { type Comparison, type ComparisonLevel, defineComparison, type MatchRecord } from './comparison.js'

// Presets read the `record` table's column names (src/store/tables/record.table.ts).

/**
 * Resident ID compared by its parts, never by edit distance on the whole (DOMAIN.md: same-day
 * neighbours in one county are 2–3 characters apart). Levels, value 6 → 0: exact, same legacy
 * form (century or check character differ), one substitution, adjacent transposition, first 15
 * equal when one side is Excel-truncated, same birth-date part and sex parity, else. Null when
 * the status is not one with a comparable 18-character norm.
 */
export function residentIdComparison(
  fields = { id: 'id_norm', status: 'id_status' },
): Comparison<ResidentIdValue> {
  return defineComparison({
    name: 'resident_id',
    fields: [fields.id, fields.status],
    prepare: (r) => toResidentIdValue(r[fields.id] ?? null, r[fields.status] ?? null),
    levels: [
      { label: 'exact', code: 'exact', matches: sameResidentId },
      { label: 'same legacy 15-digit form', code: 'legacy', matches: sameLegacyResidentId },
      { label: 'one character substituted', code: 'sub1', matches: oneSubstitutionApart },
      { label: 'adjacent characters swapped', code: 'swap', matches: adjacentTransposition },
      {
        label: 'first 15 equal, one side Excel-truncated',
        code: 'trunc15',
        matches: samePrefixWhenTruncated,
      },
      // Not "same birth date and sex": two people born the same day in one county agree there, and
      // the birth-date comparison already counts that fact; scoring it twice accepted same-day
      // strangers (93 % of false links at 20,000 persons).
      {
        label: 'same birth date and sequence, region differs',
        code: 'birthseq',
        matches: sameBirthAndSequencePart,
      },
    ],
  })
}

/**
 * Chinese name. Levels, value 6 → 0: exact (no `?`), same toneless pinyin (homophone), same
 * fuzzy pinyin, pinyin within one letter edit, one character different, same surname, else.
 * The exact level takes a term-frequency adjustment keyed on the normalized name.
 */
export function chineseNameComparison(
  fields = { norm: 'name_norm', pinyin: 'name_pinyin' },
): Comparison<NameValue> {
  const levels: ComparisonLevel<NameValue>[] = [
    { label: 'exact', code: 'exact', matches: sameName },
    { label: 'same pinyin (homophone)', code: 'pinyin', matches: samePinyin },
    { label: 'same fuzzy pinyin', code: 'fold', matches: sameFoldedPinyin },
    { label: 'pinyin one letter apart', code: 'pinyin1', matches: pinyinWithinOneEdit },
    { label: 'one character different', code: 'char1', matches: oneCharacterDifferent },
    { label: 'same surname', code: 'surname', matches: sameSurname },
  ]
  return defineComparison({
    name: 'name',
    fields: [fields.norm, fields.pinyin],
    prepare: (r) => toNameValue(r[fields.norm] ?? null, r[fields.pinyin] ?? null),
    levels,
    // Value of the exact level: else (0) is appended after these levels.
    termFrequency: { level: levels.length, key: (v) => v.norm },
  })
}

/**
 * Birth date (`YYYY-MM-DD`). Levels, best first: exact, day and month swapped, one digit
 * different, then one level per `withinDays` entry (ascending, in days), same year and month,
 * else.
 */
export function birthDateComparison(
  options: { readonly field?: string; readonly withinDays?: readonly number[] } = {},
): Comparison<string> {
  const field = options.field ?? 'birth_date'
  const dayLevels = [...(options.withinDays ?? [])]
    .sort((a, b) => a - b)
    .map(
      (days): ComparisonLevel<string> => ({
        label: `within ${days} days`,
        code: `days${days}`,
        matches: withinDays(days),
      }),
    )
  return defineComparison({
    name: field,
    fields: [field],
    prepare: text(field),
    levels: [
      { label: 'exact', code: 'exact', matches: sameDate },
      { label: 'day and month swapped', code: 'swap', matches: dayMonthSwapped },
      { label: 'one digit different', code: 'digit1', matches: withinOneDigit },
      ...dayLevels,
      { label: 'same year and month', code: 'ym', matches: sameYearMonth },
    ],
  })
}

/** Sex ('male' | 'female'): exact or else. */
export function sexComparison(field = 'sex'): Comparison<string> {
  return exactComparison(field)
}

/**
 * Where the person lives (the `homeAddress` blocking key's value): the normalized `residence`
 * when the record gives one, else `address`; exact or else. Addresses are compared as
 * normalize/address.ts wrote them (prefixes dropped, 幢/栋/号楼 and 13-2-302 forms and Chinese
 * numerals made one form), so an exact level is a dwelling, not a string. A newborn on a birth
 * certificate carries no name or ID: its date of birth, sex and family address are all the
 * evidence it shares with its police and register records.
 */
export function homeAddressComparison(): Comparison<string> {
  const residence = text('residence')
  const address = text('address')
  return defineComparison({
    name: 'home_address',
    fields: ['residence', 'address'],
    prepare: (record) => residence(record) ?? address(record),
    levels: [{ label: 'exact', code: 'exact', matches: exactMatch }],
  })
}

/** Any text field: exact or else; empty text counts as null. */
export function exactComparison(field: string): Comparison<string> {
  return defineComparison({
    name: field,
    fields: [field],
    prepare: text(field),
    levels: [{ label: 'exact', code: 'exact', matches: exactMatch }],
  })
}

/**
 * Any text field: exact, then one level per edit threshold (ascending Levenshtein edits), else.
 * @example editDistanceComparison('address', [1, 2])
 */
export function editDistanceComparison(field: string, maxEdits: readonly number[] = [1]): Comparison<string> {
  const editLevels = [...maxEdits]
    .sort((a, b) => a - b)
    .map(
      (k): ComparisonLevel<string> => ({
        label: `within ${k} edits`,
        code: `edit${k}`,
        matches: withinEdits(k),
      }),
    )
  return defineComparison({
    name: field,
    fields: [field],
    prepare: text(field),
    levels: [{ label: 'exact', code: 'exact', matches: exactMatch }, ...editLevels],
  })
}

function text(field: string): (record: MatchRecord) => string | null {
  return (record) => {
    const value = record[field]
    return value === undefined || value === null || value === '' ? null : value
  }
}
