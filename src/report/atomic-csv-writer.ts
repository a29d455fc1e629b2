import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { escapeFormula } from './escape-formula.js'

/** A CSV file written row by row and made visible only when complete. */
export interface AtomicCsvWriter {
  /** Adds a row; cells are escaped against formula injection. */
  row(cells: readonly (string | number)[]): void
  /** Flushes, then renames the temporary file over the target. Returns the rows written. */
  commit(): number
  /** Removes the temporary file; the target keeps its earlier content (or stays absent). */
  abort(): void
}

const rowsPerChunk = 2000

/**
 * Opens a CSV for streaming: UTF-8 with a BOM (so Excel/WPS reads Chinese), CRLF line ends, every
 * cell escaped with escapeFormula. Rows are buffered in chunks and written to a temporary file in
 * the target's folder, renamed over the target by `commit`: readers see the old file or the new,
 * never half (the write-atomic.ts rule, for files too large to build in memory).
 */
export function openAtomicCsv(file: string, header: readonly string[]): AtomicCsvWriter {
  mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  const fd = openSync(tmp, 'w', 0o600)
  let open = true
  let rows = 0
  let chunk: string[][] = []
  const flush = () => {
    if (chunk.length === 0) return
    writeSync(fd, `${Papa.unparse(chunk, { newline: '\r\n' })}\r\n`)
    chunk = []
  }
  const fail = (e: unknown): never => {
    if (open) closeSync(fd)
    open = false
    rmSync(tmp, { force: true })
    throw e
  }
  try {
    writeSync(fd, `\uFEFF${Papa.unparse([header.map(escapeFormula)], { newline: '\r\n' })}\r\n`)
  } catch (e) {
    fail(e)
  }
  return {
    row(cells) {
      chunk.push(cells.map((c) => escapeFormula(String(c))))
      rows++
      if (chunk.length >= rowsPerChunk) {
        try {
          flush()
        } catch (e) {
          fail(e)
        }
      }
    },
    commit() {
      try {
        flush()
        closeSync(fd)
        open = false
        renameSync(tmp, file)
      } catch (e) {
        fail(e)
      }
      return rows
    },
    abort() {
      if (open) closeSync(fd)
      open = false
      rmSync(tmp, { force: true })
    },
  }
}
