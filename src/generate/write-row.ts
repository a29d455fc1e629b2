import type { Rng } from './create-rng.js'
import type { SourceNoiser } from './source-noiser.js'
import type { RowPerson, TableSink } from './table-sink.js'

/**
 * Writes a row, or (at the source's malformedRow rate) a broken version of it that an ingest
 * must reject: an unquoted comma adding a column, the last two cells missing, a quote inside a
 * quoted name (`"张"伟"`, closed on the same line so later rows survive), or a line break in the
 * middle of a middle cell. Returns the row's first line.
 */
export function writeRow(
  sink: TableSink,
  noiser: SourceNoiser,
  rng: Rng,
  cells: readonly string[],
  people: readonly RowPerson[],
  nameColumn: number,
): number {
  if (!noiser.malformed()) return sink.row(cells, people)
  const c = [...cells]
  const kind = rng.int(4)
  if (kind === 0) {
    const longest = c.reduce((best, v, i) => (v.length > (c[best] ?? '').length ? i : best), 0)
    const v = c[longest] ?? ''
    const at = Math.max(1, Math.floor(v.length / 2))
    c[longest] = `${v.slice(0, at)},${v.slice(at)}`
  } else if (kind === 1) {
    c.splice(c.length - 2, 2)
  } else if (kind === 2) {
    const name = c[nameColumn] ?? ''
    c[nameColumn] = `"${name.slice(0, 1)}"${name.slice(1)}"`
  } else {
    // Break inside a middle cell, so neither physical line has the header's column count.
    const i = Math.max(1, Math.floor(c.length / 2))
    const v = c[i] ?? ''
    const at = Math.max(1, Math.floor(v.length / 2))
    c[i] = `${v.slice(0, at)}\n${v.slice(at)}`
  }
  return sink.malformedRow(c.join(','), people)
}
