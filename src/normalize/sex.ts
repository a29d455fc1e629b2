import type { Sex } from '../domain/sex.js'

const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g
// GB/T 2261.1 codes and the words exports use; 0 未知 and 9 未说明 fall through to null.
const sexByWord: ReadonlyMap<string, Sex> = new Map([
  ['1', 'male'],
  ['男', 'male'],
  ['男性', 'male'],
  ['男子', 'male'],
  ['m', 'male'],
  ['male', 'male'],
  ['2', 'female'],
  ['女', 'female'],
  ['女性', 'female'],
  ['女子', 'female'],
  ['f', 'female'],
  ['female', 'female'],
])

/**
 * Reads a sex cell: GB/T 2261.1 codes (1, 2), 男/女/男性/女性, M/F, male/female, in any case and
 * width, with stray spaces. Unknown (0, 9, 未知, 未说明) and anything unrecognised give null.
 *
 * `overrides` (a source's own coding, from the pipeline file) is consulted first, by the value as
 * written and then by its cleaned form; an override to anything but 'male' or 'female' means
 * "unknown" and gives null. Never throws.
 */
export function normalizeSex(
  raw: string | number | null | undefined,
  overrides?: Readonly<Record<string, string>>,
): Sex | null {
  if (raw === null || raw === undefined) return null
  const text = String(raw)
  // Every word in the table is its own cleaned form, so a value written exactly as one needs no cleaning.
  const key = sexByWord.has(text) ? text : text.normalize('NFKC').replace(invisible, '').toLowerCase()
  if (overrides) {
    const chosen = Object.hasOwn(overrides, text)
      ? overrides[text]
      : Object.hasOwn(overrides, key)
        ? overrides[key]
        : undefined
    if (chosen !== undefined) return chosen === 'male' || chosen === 'female' ? chosen : null
  }
  return sexByWord.get(key) ?? null
}
