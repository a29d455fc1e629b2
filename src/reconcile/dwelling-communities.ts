/** A record as dwelling placement reads it: where it is placed, and where it says it lives. */
export interface PlacedDwelling {
  readonly community: string | null
  readonly dwelling?: string | null
}

// The compound (小区/号院) part of a normalized address: "丰庆路230号院11幢4单元404室" →
// "丰庆路230号院"; a plain street number ("任砦路42号") is its own compound.
const compound = /^(.+?\d+号院?)/
// The street of a normalized address: "丰庆路230号院…" → "丰庆路".
const street = /^(\D+?)\d/

/**
 * Share of a street's placed records one community must hold for the street to answer: a long
 * road crosses communities, so only a street nearly all in one community stands for it.
 */
const streetMajority = 0.9
/** Placed records a street needs before its majority means anything. */
const streetMinRecords = 5

/**
 * Learns which community each dwelling belongs to from the records that are placed (the
 * register's 所属社区 beside its 现住址), and answers for records that are not: a temporary
 * resident's 居住地址 names a flat, never a community. A flat known to one community answers
 * first; else its compound, when every placed record there agrees; else its street, when at
 * least nine in ten of the (five or more) placed records on it are one community's (a new flat
 * the register has nobody in yet). Two communities at one flat or compound answer nothing:
 * guessing would send the wrong officer.
 * Pure: the same records give the same answers.
 * @example placeByDwelling([{ community: 'A', dwelling: '丰庆路230号院11幢4单元404室' }])('丰庆路230号院2幢1单元101室') // 'A'
 */
export function placeByDwelling(
  records: readonly PlacedDwelling[],
): (dwelling: string | null) => string | null {
  const flats = new Map<string, string | null>()
  const compounds = new Map<string, string | null>()
  const learn = (map: Map<string, string | null>, key: string, community: string): void => {
    const known = map.get(key)
    if (known === undefined) map.set(key, community)
    else if (known !== community) map.set(key, null)
  }
  const streets = new Map<string, Map<string, number>>()
  for (const r of records) {
    if (r.community === null || !r.dwelling) continue
    learn(flats, r.dwelling, r.community)
    const c = compound.exec(r.dwelling)?.[1]
    if (c !== undefined) learn(compounds, c, r.community)
    const s = street.exec(r.dwelling)?.[1]
    if (s !== undefined) {
      const counts = streets.get(s) ?? new Map<string, number>()
      counts.set(r.community, (counts.get(r.community) ?? 0) + 1)
      streets.set(s, counts)
    }
  }
  const streetCommunity = (s: string): string | null => {
    const counts = streets.get(s)
    if (counts === undefined) return null
    let total = 0
    let best: [string, number] | null = null
    for (const [community, n] of counts) {
      total += n
      if (best === null || n > best[1] || (n === best[1] && community < best[0])) best = [community, n]
    }
    return best !== null && total >= streetMinRecords && best[1] >= streetMajority * total ? best[0] : null
  }
  return (dwelling) => {
    if (!dwelling) return null
    const flat = flats.get(dwelling)
    if (flat !== undefined) return flat
    const c = compound.exec(dwelling)?.[1]
    const byCompound = c === undefined ? undefined : compounds.get(c)
    if (byCompound !== undefined) return byCompound
    const s = street.exec(dwelling)?.[1]
    return s === undefined ? null : streetCommunity(s)
  }
}
