import { formatPersonId } from '../match/person-identity.js'
import { naturalKeyOfFingerprint } from '../match/record-fingerprint.js'
import type { ExportedPair, ExportedRecord } from '../store/linkage-export.repository.js'
import { openAtomicCsv } from './atomic-csv-writer.js'

const side = (prefix: string, label: string) => [
  `${prefix}人员编号 ${label}_person_id`,
  `${prefix}来源 ${label}_source`,
  `${prefix}文件 ${label}_file`,
  `${prefix}行 ${label}_line`,
  `${prefix}角色 ${label}_role`,
  `${prefix}自然键 ${label}_natural_key`,
  `${prefix}记录号 ${label}_record_id`,
]

const recordCells = (r: ExportedRecord) => [
  formatPersonId(r.personId),
  r.source,
  r.path,
  r.line,
  r.role,
  naturalKeyOfFingerprint(r.fingerprint, r.source, r.role),
  r.recordId,
]

/**
 * Writes a linkage's pairs as CSV (UTF-8 with BOM, formula-escaped, atomic, streamed): band
 * (accept / review), match weight in bits, probability, the comparison levels, and for each
 * record its person, source, file, physical line, role, natural key and store id.
 * @returns the pairs written
 */
export async function writePairsCsv(
  file: string,
  pairs: AsyncIterable<ExportedPair>,
  comparisons: readonly string[],
): Promise<number> {
  const out = openAtomicCsv(file, [
    '分档 band',
    '匹配权重 match_weight',
    '匹配概率 probability',
    `比较级别 levels (${comparisons.join(';')})`,
    ...side('左', 'left'),
    ...side('右', 'right'),
  ])
  try {
    for await (const p of pairs) {
      out.row([
        p.band,
        p.matchWeight.toFixed(4),
        String(p.probability),
        p.levels.replaceAll(',', ';'),
        ...recordCells(p.left),
        ...recordCells(p.right),
      ])
    }
  } catch (e) {
    out.abort()
    throw e
  }
  return out.commit()
}

/**
 * Writes every record of a linkage with its person (UTF-8 with BOM, formula-escaped, atomic,
 * streamed): person ID, source, file, physical line, role, natural key, store id.
 * @returns the records written
 */
export async function writePersonsCsv(file: string, records: AsyncIterable<ExportedRecord>): Promise<number> {
  const out = openAtomicCsv(file, [
    '人员编号 person_id',
    '来源 source',
    '文件 file',
    '行 line',
    '角色 role',
    '自然键 natural_key',
    '记录号 record_id',
  ])
  try {
    for await (const r of records) out.row(recordCells(r))
  } catch (e) {
    out.abort()
    throw e
  }
  return out.commit()
}
