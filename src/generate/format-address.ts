import type { District } from './build-district.js'
import type { Household } from './population.js'

/** Address layouts: the canonical full form and the variants clerks write. */
export type AddressStyle = 'full' | 'no-prefix' | 'district-only' | 'dashed' | 'chinese-numerals'

const digits = '零一二三四五六七八九'

/**
 * Writes a dwelling's address in local form, e.g. 河南省郑州市金水区文化路12号院3号楼2单元501室
 * (full), 文化路12号院3-2-501 (dashed), 文化路十二号院三号楼二单元501室 (chinese-numerals), or for a
 * village 河南省郑州市金水区柳林镇刘庄村3组25号.
 */
export function formatAddress(h: Household, district: District, style: AddressStyle): string {
  const c = district.communities[h.community]
  if (!c) return ''
  const prefix =
    style === 'full'
      ? `${district.provinceName}${district.cityName}${district.countyName}`
      : style === 'district-only'
        ? district.countyName
        : ''
  const n = (x: number): string => (style === 'chinese-numerals' ? chineseNumber(x) : String(x))
  if (c.isVillage) {
    return `${prefix}${style === 'full' ? c.townshipName : ''}${c.name}${n(h.building)}组${h.gate}号`
  }
  const road = c.roads[h.road] ?? c.roads[0] ?? ''
  const building = h.building % 3 === 0 ? '幢' : h.building % 3 === 1 ? '号楼' : '栋'
  if (style === 'dashed') return `${road}${h.gate}号院${h.building}-${h.unit}-${h.room}`
  return `${prefix}${road}${n(h.gate)}号院${n(h.building)}${building}${n(h.unit)}单元${h.room}室`
}

/** 1–99 in Chinese numerals (十二, 二十三); larger numbers digit by digit. */
function chineseNumber(x: number): string {
  if (x < 10) return digits[x] as string
  if (x < 20) return `十${x % 10 ? digits[x % 10] : ''}`
  if (x < 100) return `${digits[Math.floor(x / 10)]}十${x % 10 ? digits[x % 10] : ''}`
  return [...String(x)].map((d) => digits[Number(d)]).join('')
}
