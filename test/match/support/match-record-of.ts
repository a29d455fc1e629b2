import type { MatchRecord } from '../../../src/match/comparison.js'
import { normalizeName } from '../../../src/normalize/name.js'
import { normalizeResidentId } from '../../../src/normalize/resident-id.js'

/**
 * A record as the store holds it (record.table.ts columns), built from raw values through the
 * real normalizers, so tests compare what ingest would produce.
 */
export function matchRecordOf(raw: {
  readonly id?: string | null
  readonly name?: string | null
  readonly sex?: 'male' | 'female' | null
  readonly birth?: string | null
}): MatchRecord {
  const id = normalizeResidentId(raw.id ?? null)
  const name = normalizeName(raw.name ?? null)
  return {
    id_norm: id.norm,
    id_status: id.status,
    name_norm: name.norm,
    name_pinyin: name.norm === null ? null : `${name.surnamePinyin ?? ''}|${name.givenPinyin ?? ''}`,
    sex: raw.sex ?? null,
    birth_date: raw.birth ?? null,
  }
}
