import type { Sex } from '../domain/sex.js'
import { buildCodeReader, type CodeReader } from './code-reader.js'

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
export const normalizeSex: CodeReader<Sex> = buildCodeReader(
  sexByWord,
  (v): v is Sex => v === 'male' || v === 'female',
)
