import Papa from 'papaparse'
import type { RejectListing } from '../store/rejects.repository.js'
import { escapeFormula } from './escape-formula.js'
import { writeFileAtomic } from './write-atomic.js'

const headers = [
  '来源 source',
  '文件 file',
  '行 line',
  '列 column',
  '代码 code',
  '原因 reason',
  '原始内容 raw',
]

/**
 * Writes rejects as UTF-8 CSV with a BOM (so Excel/WPS shows Chinese correctly), every cell
 * escaped against formula injection, atomically.
 */
export function writeRejectsCsv(file: string, rejects: readonly RejectListing[]): void {
  const rows = rejects.map((r) =>
    [r.source, r.path, String(r.line), r.column ?? '', r.code, r.reason, r.raw].map(escapeFormula),
  )
  writeFileAtomic(file, `\uFEFF${Papa.unparse({ fields: headers, data: rows }, { newline: '\r\n' })}\r\n`)
}
