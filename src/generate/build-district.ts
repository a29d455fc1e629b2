import type { Rng } from './create-rng.js'

/** One residents' committee (社区) or villagers' committee (村). */
export interface Community {
  readonly index: number
  /** 12 digits: county (6) + township (3) + community (3), as the statistics bureau numbers them. */
  readonly code: string
  /** The register's name: 文化路社区, 刘庄村. */
  readonly name: string
  /** How police exports write it: 文化路居委会, 刘庄村委会. */
  readonly committeeName: string
  readonly townshipName: string
  readonly isVillage: boolean
  /** Roads (or, for a village, the village itself) used in its addresses. */
  readonly roads: readonly string[]
}

/** The simulated county-level district. */
export interface District {
  readonly countyCode: string
  readonly countyName: string
  readonly provinceName: string
  readonly cityName: string
  readonly communities: readonly Community[]
}

const places =
  '文化路 花园路 经三路 经五路 经七路 纬一路 纬二路 纬三路 纬四路 纬五路 农业路 黄河路 金水路 东风路 丰产路 南阳路 ' +
  '红专路 政七街 政三街 健康路 顺河路 优胜路 北林路 国基路 博颂路 天明路 索凌路 关虎屯 黄委会 银苑 龙子湖 兴达路 园田路 ' +
  '三全路 丰庆路 凤凰台 沙门 西史赵 杨金路 未来路 燕庄 姚砦 东明路 民航路 群办路 宏达路 金桥路 纬十路 文北路 任砦 宋寨 ' +
  '王砦 南阳新村 大石桥 杜岭 人民路 经八路 省体育场 宏明路 丰乐路 鑫苑路 广电南路 郑花路 东赵 刘砦 庙李 张家村'
const villagePlaces =
  '刘庄 陈砦 杨庄 姚桥 王庄 李庄 宋砦 东赵 西赵 马头岗 柳林 关庄 大河 小河 岗李 前程 后程 黄庄 贾岗 毛庄'
const directions = ['', '东', '西', '南', '北', '第一', '第二', '中']
const townshipRoads =
  '经八路 花园路 人民路 杜岭 大石桥 南阳路 南阳新村 文化路 丰产路 东风路 北林路 未来路 凤凰台 国基路 杨金路 丰庆路 兴达路'

/**
 * Lays out a district shaped like 河南省郑州市金水区 (410105): about one community per 4,000
 * people (at least 6), twelve communities to a 街道, and a 镇 of villages when the district
 * has more than 8 communities. Names are drawn from the area's real road names.
 */
export function buildDistrict(persons: number, rng: Rng): District {
  const count = Math.max(6, Math.min(900, Math.round(persons / 4000)))
  const villages = count > 8 ? Math.max(2, Math.round(count * 0.12)) : 0
  const urban = count - villages
  const placeList = places.split(' ')
  const streets = townshipRoads.split(' ')
  const communities: Community[] = []
  const used = new Set<string>()
  const uniqueName = (base: string, suffix: string): string => {
    for (const d of directions) {
      const name = `${base}${d}${suffix}`
      if (!used.has(name)) {
        used.add(name)
        return name
      }
    }
    for (let n = 2; ; n++) {
      const name = `${base}第${n}${suffix}`
      if (!used.has(name)) {
        used.add(name)
        return name
      }
    }
  }
  for (let i = 0; i < urban; i++) {
    const t = Math.floor(i / 12)
    const base = placeList[(i * 7 + t) % placeList.length] as string
    const name = uniqueName(base, '社区')
    const roads = [base.endsWith('路') || base.endsWith('街') ? base : `${base}路`, rng.pick(placeList)]
    communities.push({
      index: i,
      code: `410105${pad3(t + 1)}${pad3((i % 12) + 1)}`,
      name,
      committeeName: `${name.slice(0, -2)}居委会`,
      townshipName: `${streets[t % streets.length]}${t >= streets.length ? `第${Math.floor(t / streets.length) + 1}` : ''}街道`,
      isVillage: false,
      roads: roads.map((r) => (r.endsWith('路') || r.endsWith('街') ? r : `${r}路`)),
    })
  }
  const villageList = villagePlaces.split(' ')
  for (let v = 0; v < villages; v++) {
    const town = Math.floor(v / 15)
    const name = uniqueName(villageList[v % villageList.length] as string, '村')
    communities.push({
      index: communities.length,
      code: `410105${pad3(100 + town)}${pad3(200 + (v % 15) + 1)}`,
      name,
      committeeName: `${name}委会`,
      townshipName: town === 0 ? '柳林镇' : `祭城镇${town > 1 ? town : ''}`,
      isVillage: true,
      roads: [name],
    })
  }
  return {
    countyCode: '410105',
    countyName: '金水区',
    provinceName: '河南省',
    cityName: '郑州市',
    communities,
  }
}

function pad3(n: number): string {
  return String(n).padStart(3, '0')
}
