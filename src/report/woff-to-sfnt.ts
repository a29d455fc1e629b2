import { inflateSync } from 'node:zlib'

/**
 * Unpacks a WOFF 1.0 font into the plain OpenType (sfnt) file it wraps: each table inflated,
 * the directory rebuilt. fontkit reads WOFF directly but inflates tables again on every access,
 * which made one verification PDF take seconds; the unpacked font lays out in milliseconds.
 * Table checksums are kept from the WOFF directory (they are of the uncompressed data).
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength)
  if (src.toString('latin1', 0, 4) !== 'wOFF') throw new RangeError('not a WOFF 1.0 font')
  const flavor = src.readUInt32BE(4)
  const numTables = src.readUInt16BE(12)
  const tables: { tag: number; checksum: number; data: Buffer }[] = []
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20
    const offset = src.readUInt32BE(o + 4)
    const compLength = src.readUInt32BE(o + 8)
    const origLength = src.readUInt32BE(o + 12)
    const raw = src.subarray(offset, offset + compLength)
    tables.push({
      tag: src.readUInt32BE(o),
      checksum: src.readUInt32BE(o + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    })
  }
  let entrySelector = 0
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++
  const searchRange = 2 ** entrySelector * 16
  const headerLength = 12 + 16 * numTables
  const padded = (n: number) => (n + 3) & ~3
  const out = Buffer.alloc(tables.reduce((s, t) => s + padded(t.data.length), headerLength))
  out.writeUInt32BE(flavor, 0)
  out.writeUInt16BE(numTables, 4)
  out.writeUInt16BE(searchRange, 6)
  out.writeUInt16BE(entrySelector, 8)
  out.writeUInt16BE(numTables * 16 - searchRange, 10)
  let at = headerLength
  tables.forEach((t, i) => {
    const o = 12 + 16 * i
    out.writeUInt32BE(t.tag, o)
    out.writeUInt32BE(t.checksum, o + 4)
    out.writeUInt32BE(at, o + 8)
    out.writeUInt32BE(t.data.length, o + 12)
    t.data.copy(out, at)
    at += padded(t.data.length)
  })
  return out
}
