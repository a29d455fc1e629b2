/** The text encodings bidui decodes CSV exports from (GBK is read with the GB18030 superset). */
export type TextEncodingName = 'utf8' | 'gb18030' | 'utf16le'

/**
 * Valid UTF-8 characters needed per invalid sequence to still call a sample UTF-8. GBK text read
 * as UTF-8 has fewer valid multibyte characters than invalid ones (about 1 in 4 GB2312 pairs
 * happens to be valid UTF-8), so 20:1 only passes UTF-8 with a stray corrupt byte or two.
 */
const validPerInvalid = 20

/**
 * Guesses the encoding of a CSV export from its first bytes (64 KiB is plenty).
 *
 * Excel writes "CSV (逗号分隔)" in the ANSI code page, GBK (936), on Chinese Windows; "CSV UTF-8"
 * with a BOM; "Unicode text" as UTF-16LE with a BOM. So: a BOM decides; otherwise bytes that are
 * valid UTF-8 are UTF-8 (GBK text almost never is); otherwise GB18030, which decodes all of GBK.
 * A UTF-8 sample with a rare corrupt byte stays UTF-8, so that one damaged row is rejected
 * instead of the whole file turning into mojibake.
 *
 * A sample cut inside a multibyte character is not held against UTF-8: the decoder runs in
 * streaming mode, which keeps an incomplete trailing sequence (at most 3 bytes) pending
 * instead of rejecting it.
 *
 * @example detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // 'utf8'
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return 'utf8'
  } catch {
    return mostlyUtf8(head) ? 'utf8' : 'gb18030'
  }
}

function mostlyUtf8(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head, { stream: true })
  let valid = 0
  let invalid = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd) invalid++
    else if (c >= 0x80) valid++
  }
  return valid >= invalid * validPerInvalid
}
