import { ServeHostRefusedError } from '../errors/serve-errors.js'

/** Hosts only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase()
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/**
 * The host to bind and whether to warn. A non-loopback host is refused unless it came from an
 * explicit --host (BIDUI_HOST or a default never opens the store to the network). Pure.
 */
export function resolveBindHost(
  host: string | undefined,
  explicit: boolean,
): { readonly host: string; readonly warn: boolean } {
  if (host === undefined) return { host: '127.0.0.1', warn: false }
  if (isLoopbackHost(host)) return { host, warn: false }
  if (!explicit) throw new ServeHostRefusedError(host)
  return { host, warn: true }
}
