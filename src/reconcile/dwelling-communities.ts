/** A record as dwelling placement reads it: where it is placed, and where it says it lives. */
export interface PlacedDwelling {
  readonly community: string | null
  readonly dwelling?: string | null
}

// The compound (小区/号院) part of a normalized address: "丰庆路230号院11幢4单元404室" →
// "丰庆路230号院"; a plain street number ("任砦路42号") is its own compound.
const compound = /^(.+?\d+号院?)/

/**
 * Learns which community each dwelling belongs to from the records that are placed (the
 * register's 所属社区 beside its 现住址), and answers for records that are not: a temporary
 * resident's 居住地址 names a flat, never a community. A flat known to one community answers
 * first; else its compound, when every placed record there agrees. Two communities at one
 * address (a boundary street, a typo) answer nothing: guessing would send the wrong officer.
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
  for (const r of records) {
    if (r.community === null || !r.dwelling) continue
    learn(flats, r.dwelling, r.community)
    const c = compound.exec(r.dwelling)?.[1]
    if (c !== undefined) learn(compounds, c, r.community)
  }
  return (dwelling) => {
    if (!dwelling) return null
    const flat = flats.get(dwelling)
    if (flat !== undefined) return flat
    const c = compound.exec(dwelling)?.[1]
    return c === undefined ? null : (compounds.get(c) ?? null)
  }
}
