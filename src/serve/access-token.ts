import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Cookie the page keeps the token in after the first load with ?token=… */
export const tokenCookie = 'bidui_token'

/** A fresh token (192 bits, URL-safe), unless BIDUI_TOKEN gives one. */
export function accessToken(fromEnv: string | undefined): string {
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim()
  return randomBytes(24).toString('base64url')
}

/** The token a request carries: ?token=, the X-Bidui-Token header, or the cookie (first found). */
export function presentedToken(req: IncomingMessage, url: URL): string | null {
  const q = url.searchParams.get('token')
  if (q !== null) return q
  const h = req.headers['x-bidui-token']
  if (typeof h === 'string') return h
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === tokenCookie) return decodeURIComponent(rest.join('='))
  }
  return null
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
