/**
 * Remembers a pure function's answer per distinct text, for at most `limit` texts; when full it
 * forgets everything and starts over, which keeps memory bounded without the bookkeeping of a
 * true LRU (exports repeat values in runs: a household's address, a common name).
 *
 * Only for pure functions: the cached answer is returned as is (the same object for every
 * caller), so callers must treat it as read-only, as the normalizers' readonly types say.
 *
 * @example const nameOf = memoizeByText(normalizeName, 50_000)
 */
export function memoizeByText<T>(fn: (text: string) => T, limit: number): (text: string) => T {
  const cache = new Map<string, T>()
  return (text) => {
    let answer = cache.get(text)
    if (answer === undefined && !cache.has(text)) {
      answer = fn(text)
      if (cache.size >= limit) cache.clear()
      cache.set(text, answer)
    }
    return answer as T
  }
}
