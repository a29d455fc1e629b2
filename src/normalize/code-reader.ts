const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g

/** Reads one coded cell (a code or a word) into a canonical value, with a source's own overrides. */
export type CodeReader<T extends string> = (
  raw: string | number | null | undefined,
  overrides?: Readonly<Record<string, string>>,
) => T | null

/**
 * Builds the reader behind normalizeSex and normalizeMaritalStatus: the value is looked up as
 * written, else after NFKC, removing invisible characters and lower-casing. `overrides` (a
 * source's coding from the pipeline file) is consulted first, by the value as written and then by
 * its cleaned form; an override to anything `isValue` refuses means "unknown" and gives null.
 * Every word in `table` must be its own cleaned form, which lets exact words skip cleaning.
 */
export function buildCodeReader<T extends string>(
  table: ReadonlyMap<string, T>,
  isValue: (s: string) => s is T,
): CodeReader<T> {
  return (raw, overrides) => {
    if (raw === null || raw === undefined) return null
    const text = String(raw)
    const key = table.has(text) ? text : text.normalize('NFKC').replace(invisible, '').toLowerCase()
    if (overrides) {
      const chosen = Object.hasOwn(overrides, text)
        ? overrides[text]
        : Object.hasOwn(overrides, key)
          ? overrides[key]
          : undefined
      if (chosen !== undefined) return isValue(chosen) ? chosen : null
    }
    return table.get(key) ?? null
  }
}
