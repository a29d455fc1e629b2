import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { ByteRange } from './table-source.js'

/** What one pass over an export's bytes finds: its content hash and, if asked, where to split it. */
export interface ScannedExport {
  readonly sha256: string
  /** Consecutive ranges covering the file's rows; null when the file is not split. */
  readonly ranges: readonly ByteRange[] | null
}

export interface SplitOptions {
  /** Bytes per range (about; each range ends on the first row boundary after the mark). */
  readonly rangeBytes: number
  /** Files smaller than this are not split: a worker's start-up costs more than it saves. */
  readonly minFileBytes: number
}

/**
 * Hashes an export and, when `split` is given, cuts a CSV into ranges that start on a line
 * break, with the physical line number at each start, so two readers can each take every
 * other range and the store still receives the rows in file order.
 *
 * Only ASCII-compatible encodings are split (UTF-8, GBK/GB18030: a 0x0A byte is always a line
 * feed, never part of a character); UTF-16 files and files whose first line break is a lone CR
 * are read whole. Breaks are LF bytes, and after CRLF only for files whose first break is CRLF,
 * matching how read-csv counts physical lines and where the parser ends a row. A quoted cell
 * can still hold a line break at a chosen boundary: the reader of the range before it notices
 * the open quote at its end (SplitBoundaryInQuoteError) and ingest re-reads the file whole.
 */
export async function scanExport(file: string, split?: SplitOptions): Promise<ScannedExport> {
  const hash = createHash('sha256')
  const starts: { start: number; line: number }[] = [{ start: 0, line: 1 }]
  let splittable = split !== undefined
  let crlf = false
  let headerEnd = -1
  let line = 1
  let offset = 0
  let previousByte = -1
  let nextMark = split?.rangeBytes ?? 0
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer
    hash.update(bytes)
    if (splittable && split) {
      if (offset === 0) {
        const first = firstLineBreak(bytes)
        headerEnd = headerLineEnd(bytes)
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || first === -1 || headerEnd === -1) splittable = false
        else if (bytes[first] === 13) {
          crlf = bytes[first + 1] === 10
          if (!crlf) splittable = false
        }
        if (headerEnd >= nextMark) nextMark = headerEnd + 1
      }
      let at = bytes.indexOf(10)
      while (at !== -1) {
        line++
        const start = offset + at + 1
        if (start >= nextMark && (!crlf || (at > 0 ? bytes[at - 1] : previousByte) === 13)) {
          starts.push({ start, line })
          nextMark = start + split.rangeBytes
        }
        at = bytes.indexOf(10, at + 1)
      }
    }
    offset += bytes.length
    previousByte = bytes.length > 0 ? (bytes[bytes.length - 1] as number) : previousByte
  }
  const sha256 = hash.digest('hex')
  if (!splittable || !split || offset < split.minFileBytes) return { sha256, ranges: null }
  // A range starting at the very end holds nothing; drop it.
  while (starts.length > 1 && (starts[starts.length - 1] as { start: number }).start >= offset) starts.pop()
  if (starts.length < 2) return { sha256, ranges: null }
  const ranges = starts.map((s, i) => ({ start: s.start, end: starts[i + 1]?.start ?? offset, line: s.line }))
  return { sha256, ranges }
}

/** Index of the first CR or LF byte, or -1. */
function firstLineBreak(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 || bytes[i] === 13) return i
  return -1
}

/**
 * Index of the LF ending the first line that holds anything but breaks, blanks and
 * delimiters (the header read-csv will find), or -1 when it is not within these bytes; no
 * split may come before it.
 */
function headerLineEnd(bytes: Uint8Array): number {
  let content = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b === 10) {
      if (content) return i
    } else if (
      b !== 13 &&
      b !== 32 &&
      b !== 9 &&
      b !== 44 &&
      b !== 59 &&
      b !== 124 &&
      b !== 0xef &&
      b !== 0xbb &&
      b !== 0xbf
    ) {
      content = true
    }
  }
  return -1
}
