/** The text encodings bidui decodes CSV exports from (GBK is read with the GB18030 superset). */
export type TextEncodingName = 'utf8' | 'gb18030' | 'utf16le'

/**
 * Guesses the encoding of a CSV export from its first bytes (64 KiB is plenty).
 *
 * Excel writes "CSV (逗号分隔)" in the ANSI code page, GBK (936), on Chinese Windows; "CSV UTF-8"
 * with a BOM; "Unicode text" as UTF-16LE with a BOM. So: a BOM decides; otherwise bytes that are
 * valid UTF-8 are UTF-8 (GBK text almost never is); otherwise GB18030, which decodes all of GBK.
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
    return 'gb18030'
  }
}
