/**
 * Surnames with their share of the population, in per cent.
 *
 * The top 100 follow public statistics (公安部 2019–2020 name reports and the NBS 2010 census
 * tables: 王 ≈ 7.1 %, 李 ≈ 7.0 %, 张 ≈ 6.7 %, … the 100 most common together ≈ 86 %), rounded;
 * they are national shares, not Henan's (王, 张, 李 and 刘 are even more common there). The
 * rest is a long tail of rarer surnames with Zipf-like decaying weights (the first just below the 100th), plus compound surnames
 * at their reported sizes (欧阳 ≈ 0.07 %, 上官, 皇甫, 令狐, 司徒, 诸葛 ≈ 0.003–0.005 %).
 * Written for bidui; no third-party data set is copied.
 */
const top100 =
  '王7.12 李7.00 张6.74 刘5.10 陈4.61 杨3.22 黄2.45 赵2.19 吴2.00 周1.95 徐1.45 孙1.38 马1.29 朱1.28 胡1.16 ' +
  '郭1.15 何1.06 林1.02 高1.00 罗0.86 郑0.81 梁0.79 谢0.73 宋0.68 唐0.63 许0.60 韩0.59 冯0.57 邓0.56 曹0.55 ' +
  '彭0.54 曾0.53 肖0.52 田0.52 董0.51 袁0.50 潘0.46 于0.45 蒋0.44 蔡0.44 余0.43 杜0.42 叶0.41 程0.40 苏0.39 ' +
  '魏0.38 吕0.38 丁0.37 任0.36 沈0.35 姚0.34 卢0.34 姜0.33 崔0.33 钟0.32 谭0.31 陆0.30 汪0.29 范0.29 金0.28 ' +
  '石0.28 廖0.27 贾0.27 夏0.26 韦0.26 付0.25 方0.25 白0.25 邹0.24 孟0.24 熊0.24 秦0.23 邱0.23 江0.22 尹0.22 ' +
  '薛0.21 闫0.21 段0.20 雷0.20 侯0.19 龙0.19 史0.19 陶0.18 黎0.18 贺0.18 顾0.17 毛0.17 郝0.17 龚0.16 邵0.16 ' +
  '万0.16 钱0.16 严0.15 覃0.15 武0.15 戴0.15 莫0.14 孔0.14 向0.14 汤0.13'

const tail =
  '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛' +
  '曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏' +
  '宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗' +
  '燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁' +
  '芮都普阙浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危银亢嵇公湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣' +
  '信展阴昝智幸奉植衡富尧闭由'

const compound: readonly (readonly [string, number])[] = [
  ['欧阳', 0.068],
  ['上官', 0.0052],
  ['皇甫', 0.0042],
  ['令狐', 0.0037],
  ['司徒', 0.0029],
  ['诸葛', 0.0027],
  ['司马', 0.0025],
  ['公孙', 0.0008],
  ['夏侯', 0.0008],
  ['东方', 0.001],
  ['呼延', 0.0005],
  ['慕容', 0.0005],
  ['端木', 0.0004],
  ['尉迟', 0.0003],
]

/** Share of the population outside the top 100 (≈ 14 %). */
const tailShare = 14

function buildSurnameTable(): (readonly [string, number])[] {
  const head = top100.split(' ').map((s): readonly [string, number] => {
    const name = s.replace(/[\d.]+$/, '')
    return [name, Number(s.slice(name.length))]
  })
  const headSum = head.reduce((a, e) => a + e[1], 0)
  // The rounded shares listed sum to about 80 %; scale them so the top 100 cover the reported 86 %.
  const scale = (100 - tailShare) / headSum
  const chars = [...tail]
  const compoundSum = compound.reduce((a, e) => a + e[1], 0)
  const harmonic = chars.reduce((a, _c, i) => a + 1 / (i + 60), 0)
  const tailEntries = chars.map((c, i): readonly [string, number] => [
    c,
    ((tailShare - compoundSum) * (1 / (i + 60))) / harmonic,
  ])
  return [...head.map(([n, w]): readonly [string, number] => [n, w * scale]), ...tailEntries, ...compound]
}

/** [surname, share in per cent] for every surname the generator uses. */
export const surnameTable: readonly (readonly [string, number])[] = buildSurnameTable()
