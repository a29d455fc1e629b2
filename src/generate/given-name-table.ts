/**
 * Given names by sex and birth cohort, written for bidui from common knowledge of Chinese
 * naming fashions (not copied from any data set):
 * - born before 1955: 秀英, 桂兰, 玉珍 for women; 建国, 德明, 国华 for men;
 * - 1955–1974: single characters 丽, 芳, 红, 伟, 强, 军 and revolutionary names 卫东, 红兵;
 * - 1975–1989: the peak of single-character names (伟, 磊, 静, 丽, 娜) that makes 张伟 and
 *   王伟 the commonest full names in China;
 * - 1990–2004: 婷婷, 佳, 浩, 鹏, 子豪;
 * - 2005 onward: 梓涵, 子轩, 欣怡, 一诺, 沐宸.
 *
 * Each cohort has a list of popular names (weights are relative frequencies within the list)
 * and two character pools from which the long tail of less common two-character names is
 * composed. `singleShare` is the share of single-character given names in that cohort.
 */
export interface GivenNameCohort {
  /** First birth year of the cohort. */
  readonly from: number
  readonly popular: string
  /** Share of names drawn from `popular` (the rest are composed from the pools). */
  readonly popularShare: number
  readonly singleShare: number
  readonly single: string
  readonly first: string
  readonly second: string
}

/** Cohorts are ordered by `from`; a person uses the last cohort whose `from` ≤ birth year. */
export const givenNameTable: Readonly<Record<'male' | 'female', readonly GivenNameCohort[]>> = {
  female: [
    {
      from: 1900,
      popular:
        '秀英9 桂英7 秀兰6 玉兰6 桂兰6 秀珍5 凤英4 玉珍4 玉英4 兰英3 玉梅3 凤兰3 秀荣3 桂芳3 秀云3 桂荣3 淑珍3 ' +
        '素珍2 淑兰2 玉芳2 秀芳2 秀梅2 金花2 翠兰2 桂珍2 凤珍2 玉华2 素英2 金凤2 秀华2',
      popularShare: 0.7,
      singleShare: 0.06,
      single: '英兰珍芳梅凤华荣云花',
      first: '秀桂玉凤淑素金翠兰春美月',
      second: '英兰珍芳梅荣云华花琴香娥莲芝贞',
    },
    {
      from: 1955,
      popular:
        '丽8 芳7 红7 霞5 燕5 萍5 敏4 静4 英4 华3 玲3 梅3 丽华3 秀芳2 红霞3 艳3 红梅3 丽娟2 春梅2 海燕2 ' +
        '小红2 建华2 晓红2 桂香1 玉霞2 丽萍2 俊英1 艳萍1 爱华2 春燕2 卫红2 秀梅2',
      popularShare: 0.65,
      singleShare: 0.3,
      single: '丽芳红霞燕萍敏静英华玲梅艳娟琴莉',
      first: '丽红秀春晓海爱建小玉艳桂美彩雪',
      second: '华霞梅萍燕红芳英琴娟玲艳荣莲霞',
    },
    {
      from: 1975,
      popular:
        '丽9 静9 敏8 燕6 艳6 娟5 芳5 丹4 霞4 婷4 娜6 莉3 玲3 晶3 洁3 颖3 琳3 丽娜2 海燕2 晓燕2 春燕2 ' +
        '秀梅1 小燕2 丽丽2 慧3 倩3 雪3 红梅2 艳红1 晓丽2 亚楠1 晓敏2',
      popularShare: 0.6,
      singleShare: 0.38,
      single: '丽静敏燕艳娟芳丹霞婷娜莉玲晶洁颖琳慧倩雪蕾璐',
      first: '丽晓海春秀小艳亚雪玉红丹佳文',
      second: '娜燕丽敏梅艳红琴霞静娟玲萍芳华',
    },
    {
      from: 1990,
      popular:
        '婷婷6 静5 倩5 敏4 丹4 雪4 佳4 璐3 琳3 欣3 悦3 晨3 颖3 梦3 佳佳2 丹丹3 晓雪2 梦瑶3 雪梅1 佳怡2 ' +
        '雨婷2 欣怡2 晓敏2 思雨2 雅琪2 玉婷2 文静3 梦琪2 亚楠2 静怡2 佳琪2 晶晶2 楠楠2',
      popularShare: 0.55,
      singleShare: 0.2,
      single: '静倩敏丹雪佳璐琳欣悦晨颖梦瑶洁婷',
      first: '佳思雨梦欣雅晓文静晶玉婷慧诗怡',
      second: '琪怡雪婷颖瑶敏雯琳璐悦欣茹涵月',
    },
    {
      from: 2005,
      popular:
        '欣怡6 梓涵6 诗涵5 梦琪4 雨涵4 可馨3 紫涵3 佳怡3 语嫣3 梓萱4 思涵3 雨欣3 心怡3 紫萱3 馨怡2 ' +
        '佳琪3 雅琪2 子涵4 一诺3 欣妍3 诗琪2 雨桐3 思琪2 芷若2',
      popularShare: 0.5,
      singleShare: 0.06,
      single: '悦涵琪瑶萱妍诺晴彤',
      first: '梓子诗雨思欣紫可佳语雅若心嘉一',
      second: '涵萱怡琪桐妍馨彤瑶诺欣晴淇琳悦',
    },
    {
      from: 2015,
      popular:
        '一诺6 依诺4 梓涵4 欣怡3 若汐4 语桐3 可欣3 沐晴3 梓萱3 芊芊2 诗涵3 语汐3 雨桐3 欣妍2 锦汐2 ' +
        '思涵2 一涵2 安然3 梓晴2 语涵2 子淇2',
      popularShare: 0.45,
      singleShare: 0.05,
      single: '诺汐萱晴悦瑶彤涵',
      first: '梓一若语沐芊安可依锦星知清思',
      second: '汐诺涵萱桐晴妍悦然宁瑶溪冉禾希',
    },
  ],
  male: [
    {
      from: 1900,
      popular:
        '建国5 国华4 德明4 国强4 志强3 德胜3 金山3 学文3 振华4 宝山3 玉山3 文华3 志明3 国庆3 建华3 ' +
        '国平3 树林3 德才2 长友2 福林2 玉林3 保国3 永祥2 文明2 明3 德3 福2 永2 文2',
      popularShare: 0.6,
      singleShare: 0.08,
      single: '明德福永文贵忠山林海',
      first: '建国德志振文玉宝永长树金福学保',
      second: '国华明强胜山文林才友祥福贵忠发',
    },
    {
      from: 1955,
      popular:
        '伟8 强7 军7 勇6 建国4 建华4 国强3 建军4 志强3 海4 斌4 刚5 辉4 杰3 明4 平4 红军2 卫东3 卫国3 ' +
        '建平3 永强2 立新2 红兵2 志刚2 建新2 新华2 国庆2 利民2 小平2 卫华2',
      popularShare: 0.65,
      singleShare: 0.35,
      single: '伟强军勇海斌刚辉杰明平涛峰林华波',
      first: '建国志卫红永新立小海晓利文振学',
      second: '军华国强平民东新明伟刚峰林兵生',
    },
    {
      from: 1975,
      popular:
        '伟10 磊8 勇6 军6 强6 杰6 涛5 斌5 超5 明4 刚4 鹏4 华3 飞3 波3 辉4 亮3 峰3 浩3 宇3 伟伟2 海涛2 ' +
        '俊杰2 志强2 建华2 文杰2 晓东2 小龙2 海波2 建军2 鹏飞2',
      popularShare: 0.6,
      singleShare: 0.42,
      single: '伟磊勇军强杰涛斌超明刚鹏华飞波辉亮峰浩宇龙林',
      first: '志海建晓小俊文国永立红新明家振',
      second: '强军伟杰涛峰波明华东龙亮斌刚辉',
    },
    {
      from: 1990,
      popular:
        '浩5 杰5 宇5 鹏4 帅4 超4 磊4 鑫4 博3 浩然4 子豪3 俊杰3 宇航3 家豪2 浩宇3 文博2 明轩2 志豪2 ' +
        '天宇2 一鸣2 博文2 嘉豪2 鹏飞2 晨阳2 梓豪2 宇轩2',
      popularShare: 0.55,
      singleShare: 0.22,
      single: '浩杰宇鹏帅超磊鑫博凯阳晨旭龙飞',
      first: '浩子俊宇家文明志天一博嘉鹏晨梓',
      second: '然豪杰航宇博轩鸣阳飞凯文龙辉楠',
    },
    {
      from: 2005,
      popular:
        '浩宇5 子轩6 宇轩5 浩然5 梓轩4 俊熙3 博文3 宇航3 皓轩3 子豪3 子墨3 梓豪3 一鸣3 明轩3 浩轩3 ' +
        '天佑2 俊宇2 文轩2 睿3 泽宇2 梓睿2',
      popularShare: 0.5,
      singleShare: 0.05,
      single: '睿轩宇浩哲航诚',
      first: '子梓浩宇俊皓明博文一天泽铭睿嘉',
      second: '轩宇然豪睿墨熙航泽辰博瑞鸣阳杰',
    },
    {
      from: 2015,
      popular:
        '沐宸5 浩宇4 一诺4 宇轩4 梓轩4 子墨4 奕辰4 宇泽3 浩然3 梓睿3 沐阳3 亦辰3 俊熙2 铭泽3 锦程2 ' +
        '一鸣2 梓豪2 皓轩2 承泽2 宸2 睿2',
      popularShare: 0.45,
      singleShare: 0.05,
      single: '宸睿轩泽辰航',
      first: '沐梓奕一宇浩铭亦子承锦俊煜景思',
      second: '宸辰轩泽睿墨诺阳然程熙安川屿恒',
    },
  ],
}
