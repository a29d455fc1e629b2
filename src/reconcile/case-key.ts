/**
 * A case's stable key: the check id and a 64-bit FNV-1a hash of its subjects' fingerprints,
 * sorted, joined by newlines, as UTF-8. The same records give the same key whatever order they
 * were loaded in and whatever month it is, so decisions can be carried over. Pure (no
 * node:crypto): the key is an identity, not a secret, and FNV-1a is simple to reproduce in SQL
 * or another language.
 * @example caseKey('duplicate', ['register-persons|subject|recordNo:A2', 'register-persons|subject|recordNo:A1'])
 */
export function caseKey(checkId: string, fingerprints: readonly string[]): string {
  return `${checkId}:${fnv1a64Hex([...fingerprints].sort().join('\n'))}`
}

const fnvOffset = 0xcbf29ce484222325n
const fnvPrime = 0x100000001b3n
const mask64 = 0xffffffffffffffffn
const utf8 = new TextEncoder()

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`, as 16 lowercase hex digits. */
export function fnv1a64Hex(text: string): string {
  let h = fnvOffset
  for (const byte of utf8.encode(text)) {
    h ^= BigInt(byte)
    h = (h * fnvPrime) & mask64
  }
  return h.toString(16).padStart(16, '0')
}
