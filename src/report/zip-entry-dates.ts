/**
 * Sets the modification date of every entry of a ZIP file (an XLSX) in place, in the local
 * headers and the central directory, read through the end-of-central-directory record. The
 * writer (exceljs via archiver) stamps entries with the clock and adds some before any option
 * can reach them; CRCs do not cover these fields, so the archive stays valid. Not ZIP64.
 */
export function setZipEntryDates(zip: Buffer, date: Date): void {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new RangeError('not a ZIP file: no end of central directory')
  const entries = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new RangeError('damaged ZIP central directory')
    zip.writeUInt16LE(dosTime, at + 12)
    zip.writeUInt16LE(dosDate, at + 14)
    const local = zip.readUInt32LE(at + 42)
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new RangeError('damaged ZIP local header')
    zip.writeUInt16LE(dosTime, local + 10)
    zip.writeUInt16LE(dosDate, local + 12)
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
}
