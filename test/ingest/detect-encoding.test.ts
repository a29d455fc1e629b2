import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding } from '../../src/ingest/detect-encoding.js'

const text = '公民身份号码,姓名,性别\n410105199001021234,王小明,男\n'

describe('detectEncoding', () => {
  it('trusts a UTF-8 BOM', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toBe('utf8')
  })

  it('trusts a UTF-16LE BOM', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(
      'utf16le',
    )
  })

  it('calls valid UTF-8 without a BOM utf8', () => {
    expect(detectEncoding(Buffer.from(text))).toBe('utf8')
  })

  it('calls GBK bytes gb18030', () => {
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030')
    expect(detectEncoding(iconv.encode('张三,李四', 'gbk'))).toBe('gb18030')
  })

  it.each([1, 2])('does not misjudge a UTF-8 sample cut %i bytes into a 3-byte character', (cut) => {
    const bytes = Buffer.from(`${text}中`)
    expect(detectEncoding(bytes.subarray(0, bytes.length - 3 + cut))).toBe('utf8')
  })

  it('does not misjudge a UTF-8 sample cut inside a 4-byte character', () => {
    const bytes = Buffer.from(`${text}𬌗`)
    for (const cut of [1, 2, 3])
      expect(detectEncoding(bytes.subarray(0, bytes.length - 4 + cut))).toBe('utf8')
  })

  it('keeps UTF-8 with one corrupt byte among much valid text as utf8', () => {
    const bytes = Buffer.from(text.repeat(5))
    bytes[40] = 0xff
    expect(detectEncoding(bytes)).toBe('utf8')
  })

  it('calls plain ASCII utf8', () => {
    expect(detectEncoding(Buffer.from('id,name\n1,a\n'))).toBe('utf8')
  })
})
