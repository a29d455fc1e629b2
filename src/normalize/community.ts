/** One community (社区) or village (村) of the jurisdiction, as the pipeline lists them. */
export interface CommunityEntry {
  readonly code: string
  readonly name: string
  readonly aliases?: readonly string[]
}

/** The parts of a record that can say which community it belongs to. */
export interface CommunityInput {
  readonly community?: string | null
  readonly address?: string | null
}

export type CommunityResolver = (input: CommunityInput) => string | null

const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g
// Longest first, so 社区居委会 is removed whole rather than as 居委会 leaving 社区.
const suffixes = [
  '社区居民委员会',
  '村民委员会',
  '居民委员会',
  '社区居委会',
  '居委会',
  '村委会',
  '社区',
  '村',
]
// What an address writes after a community's bare name.
const addressForms = ['社区', '村', '居委会', '村委会', '社区居委会', '居民委员会', '村民委员会']

// Explicit names beat forms derived from them: a real 金水村 must not lose to 金水社区's derived 金水村.
const stated = 2
const derived = 1

interface Pattern {
  readonly text: string
  /** null when two communities claim the text at the same strength: it then decides nothing. */
  code: string | null
  strength: number
}

const resolvers = new WeakMap<readonly CommunityEntry[], CommunityResolver>()

/**
 * Which community a record belongs to, by the communities' code (returned), or null.
 *
 * Order: the record's own community column first, compared after NFKC and whitespace removal:
 * equal to a code, a name or an alias; then equal once suffixes are dropped on both sides
 * (金水社区居委会, 金水社区 and 金水 agree; 李庄村委会, 李庄村 and 李庄 agree; a name left with one
 * character keeps its suffix); then a community named inside the column text. Failing that, the
 * first community named in the address: the leftmost match, the longest one at that position
 * (名称 with or without 社区/村/居委会/村委会; a bare name is only searched when listed as an alias,
 * since 金水 also starts 金水路). A text two communities both claim decides nothing. Never throws.
 *
 * Builds the lookup tables once per `communities` array and reuses them; see
 * buildCommunityResolver to hold the resolver yourself.
 */
export function resolveCommunity(
  input: CommunityInput,
  communities: readonly CommunityEntry[],
): string | null {
  let resolve = resolvers.get(communities)
  if (resolve === undefined) {
    resolve = buildCommunityResolver(communities)
    resolvers.set(communities, resolve)
  }
  return resolve(input)
}

/**
 * Precomputes the lookups resolveCommunity performs and returns them as one function. Use it on
 * the ingest path: each call then costs a few map lookups per character of the address.
 */
export function buildCommunityResolver(communities: readonly CommunityEntry[]): CommunityResolver {
  const exact = new Map<string, Pattern>()
  const bare = new Map<string, Pattern>()
  const inText = new Map<string, Pattern>()
  for (const { code, name, aliases = [] } of communities) {
    claim(exact, clean(code), code, stated + 1)
    for (const [i, written] of [name, ...aliases].entries()) {
      const full = clean(written)
      if (full === '') continue
      const base = withoutSuffix(full)
      claim(exact, full, code, stated)
      claim(bare, base, code, stated)
      // A bare name (金水) is searched in text only when listed as an alias: it also starts 金水路.
      if (i > 0 || full !== base) claim(inText, full, code, stated)
      for (const form of addressForms) claim(inText, base + form, code, derived)
    }
  }
  const byFirstUnit = indexByFirstUnit(inText)
  // A community column holds a handful of distinct values across a whole export (文化路居委会 …),
  // so its result is remembered; a bounded map, cleared when full, keeps odd exports in check.
  const fromColumn = new Map<string, string | null>()
  // Addresses repeat too (a household's members share one), and scanning one costs a lookup per
  // character: remember the answer per address text the same way.
  const fromAddress = new Map<string, string | null>()

  return (input) => {
    const raw = input.community ?? ''
    if (raw !== '') {
      let found = fromColumn.get(raw)
      if (found === undefined) {
        const column = clean(raw)
        found = exact.get(column)?.code ?? bare.get(withoutSuffix(column))?.code ?? scan(column, byFirstUnit)
        if (fromColumn.size >= 4096) fromColumn.clear()
        fromColumn.set(raw, found)
      }
      if (found !== null) return found
    }
    const address = input.address ?? ''
    if (address === '') return null
    let found = fromAddress.get(address)
    if (found === undefined) {
      const cleaned = clean(address)
      found = cleaned === '' ? null : scan(cleaned, byFirstUnit)
      if (fromAddress.size >= 1024) fromAddress.clear()
      fromAddress.set(address, found)
    }
    return found
  }
}

function clean(text: string): string {
  // Most rows leave one of the two columns empty: skip NFKC and the regex for it.
  return text === '' ? text : text.normalize('NFKC').replace(invisible, '')
}

function withoutSuffix(name: string): string {
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && [...name].length - [...suffix].length >= 2) {
      return name.slice(0, name.length - suffix.length)
    }
  }
  return name
}

function claim(patterns: Map<string, Pattern>, text: string, code: string, strength: number): void {
  if (text === '') return
  const held = patterns.get(text)
  if (held === undefined || held.strength < strength) {
    patterns.set(text, { text, code, strength })
  } else if (held.strength === strength && held.code !== code) {
    held.code = null
  }
}

/** Patterns grouped by their first UTF-16 unit, longest first. */
interface FirstUnitIndex {
  /** 1 at each UTF-16 unit some pattern starts with: most address characters start none. */
  readonly starts: Uint8Array
  readonly byUnit: ReadonlyMap<string, readonly Pattern[]>
}

function indexByFirstUnit(patterns: Map<string, Pattern>): FirstUnitIndex {
  const starts = new Uint8Array(0x10000)
  const index = new Map<string, Pattern[]>()
  for (const pattern of patterns.values()) {
    if (pattern.code === null) continue
    const unit = pattern.text[0] as string
    starts[pattern.text.charCodeAt(0)] = 1
    const list = index.get(unit)
    if (list === undefined) index.set(unit, [pattern])
    else list.push(pattern)
  }
  for (const list of index.values()) list.sort((a, b) => b.text.length - a.text.length)
  return { starts, byUnit: index }
}

function scan(text: string, index: FirstUnitIndex): string | null {
  const { starts, byUnit } = index
  for (let i = 0; i < text.length; i++) {
    if (starts[text.charCodeAt(i)] === 0) continue
    const candidates = byUnit.get(text[i] as string)
    if (candidates === undefined) continue
    for (const pattern of candidates) {
      if (text.startsWith(pattern.text, i)) return pattern.code
    }
  }
  return null
}
