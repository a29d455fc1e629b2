import { describe, expect, it } from 'vitest'
import { ServeHostRefusedError } from '../../src/errors/serve-errors.js'
import { isLoopbackHost, resolveBindHost } from '../../src/serve/bind-host.js'

describe('resolveBindHost', () => {
  it('binds 127.0.0.1 when no host is given', () => {
    expect(resolveBindHost(undefined, false)).toEqual({ host: '127.0.0.1', warn: false })
  })
  it('accepts loopback hosts silently', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', 'localhost'])
      expect(resolveBindHost(h, true).warn).toBe(false)
  })
  it('refuses a non-loopback host that was not given explicitly', () => {
    for (const h of ['0.0.0.0', '192.168.1.10', '::']) {
      expect(isLoopbackHost(h)).toBe(false)
      expect(() => resolveBindHost(h, false)).toThrow(ServeHostRefusedError)
    }
  })
  it('serves a non-loopback host given explicitly, with a warning', () => {
    expect(resolveBindHost('0.0.0.0', true)).toEqual({ host: '0.0.0.0', warn: true })
  })
})
