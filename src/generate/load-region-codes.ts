import { createRequire } from 'node:module'

/** A county-level region code with the names used to write a hukou address there. */
export interface RegionCode {
  readonly code: string
  /** 省 + 市 + 县, e.g. 河南省周口市郸城县. */
  readonly place: string
}

/** Region codes the simulation draws IDs and hukou addresses from. */
export interface RegionCodes {
  /** Henan counties outside Zhengzhou: most of the district's inflow comes from these. */
  readonly henan: readonly RegionCode[]
  /** Counties of other provinces. */
  readonly otherProvinces: readonly RegionCode[]
  /** Abolished Zhengzhou codes (郊区 410112, 金海区 410111) still carried by older locals' IDs. */
  readonly abolishedLocal: readonly string[]
}

type CodeTable = Record<string, { code: string; text: string }>

/**
 * Loads GB/T 2260 codes, historical ones included, from the installed `idcard` package
 * (its data covers every code since 1980, so abolished counties are there too). This is the
 * I/O edge; the simulation receives the result.
 */
export function loadRegionCodes(): RegionCodes {
  const require = createRequire(import.meta.url)
  const areas = require('idcard/lib/data/area.json') as CodeTable
  const cities = require('idcard/lib/data/city.json') as CodeTable
  const provinces = require('idcard/lib/data/province.json') as CodeTable
  const henan: RegionCode[] = []
  const otherProvinces: RegionCode[] = []
  for (const code of Object.keys(areas).sort()) {
    const text = areas[code]?.text ?? ''
    const p = Number(code.slice(0, 2))
    // 市辖区 and 县 are summary codes, never issued on IDs; 71/81/82 are Taiwan, Hong Kong, Macao.
    if (text === '市辖区' || text === '县' || p < 11 || p > 65 || code.startsWith('4101')) continue
    const city = cities[code.slice(0, 4)]?.text ?? ''
    const province = provinces[code.slice(0, 2)]?.text ?? ''
    const place = `${province}${city === '市辖区' || city === '县' ? '' : city}${text}`
    if (code.startsWith('41')) henan.push({ code, place })
    else otherProvinces.push({ code, place })
  }
  const abolishedLocal = ['410111', '410112'].filter((c) => areas[c] !== undefined)
  return { henan, otherProvinces, abolishedLocal }
}
