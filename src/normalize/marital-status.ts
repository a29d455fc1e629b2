import { type MaritalStatus, maritalStatuses } from '../domain/marital-status.js'
import { buildCodeReader, type CodeReader } from './code-reader.js'

// GB/T 2261.2 two-digit codes and the words exports use. Single digits are left out on purpose:
// older systems number the categories differently (3 is 丧偶 in one, 再婚 in another), so a source
// that uses them must say so through `overrides`. 90 未说明 falls through to null.
const statusByWord: ReadonlyMap<string, MaritalStatus> = new Map([
  ['10', 'single'],
  ['未婚', 'single'],
  ['单身', 'single'],
  ['single', 'single'],
  ['unmarried', 'single'],
  ['20', 'married'],
  ['21', 'married'],
  ['22', 'married'],
  ['23', 'married'],
  ['已婚', 'married'],
  ['有配偶', 'married'],
  ['已婚有配偶', 'married'],
  ['初婚', 'married'],
  ['再婚', 'married'],
  ['复婚', 'married'],
  ['married', 'married'],
  ['30', 'widowed'],
  ['丧偶', 'widowed'],
  ['widowed', 'widowed'],
  ['40', 'divorced'],
  ['离婚', 'divorced'],
  ['离异', 'divorced'],
  ['divorced', 'divorced'],
])

/**
 * Reads a marital-status cell: GB/T 2261.2 codes (10 未婚, 20 已婚, 21 初婚, 22 再婚, 23 复婚,
 * 30 丧偶, 40 离婚) and the matching words (also 有配偶, 离异, 单身), in any width, with stray spaces.
 * 90 未说明 and anything unrecognised (including bare single digits) give null.
 *
 * `overrides` (a source's own coding, from the pipeline file) is consulted first, by the value as
 * written and then by its cleaned form; an override to anything but a MaritalStatus means
 * "unknown" and gives null. Never throws.
 */
export const normalizeMaritalStatus: CodeReader<MaritalStatus> = buildCodeReader(
  statusByWord,
  isMaritalStatus,
)

function isMaritalStatus(value: string): value is MaritalStatus {
  return (maritalStatuses as readonly string[]).includes(value)
}
