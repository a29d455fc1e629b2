/**
 * Simplified → traditional forms of common name characters. Some systems (and some people)
 * still write names in traditional characters: 張偉, 劉麗華. Converted character by character;
 * surnames whose "traditional" form is a different surname (于/於, 范/範, 沈/瀋) are left out.
 */
export const traditionalVariants: ReadonlyMap<string, string> = new Map(
  [
    '张張 刘劉 陈陳 杨楊 黄黃 赵趙 吴吳 孙孫 马馬 罗羅 郑鄭 谢謝 许許 韩韓 冯馮 邓鄧 蒋蔣 叶葉 苏蘇',
    '吕呂 卢盧 钟鍾 谭譚 陆陸 贾賈 韦韋 顾顧 龚龔 钱錢 严嚴 汤湯 龙龍 冯馮 欧歐 闫閆 邹鄒 萧蕭',
    '伟偉 丽麗 华華 红紅 军軍 东東 国國 强強 杰傑 涛濤 辉輝 刚剛 鹏鵬 飞飛 凤鳳 兰蘭 艳艷 静靜',
    '洁潔 颖穎 晓曉 轩軒 诗詩 语語 泽澤 阳陽 荣榮 云雲 贵貴 宝寶 庆慶 卫衛 兴興 进進 义義 汉漢',
    '爱愛 莲蓮 娇嬌 凯凱 帅帥 铭銘 锋鋒 滨濱 晖暉 钰鈺 诺諾 鸿鴻 书書 丰豐 韬韜 颜顏 艺藝 仪儀',
    '乐樂 娟娟 鑫鑫 梦夢 琼瓊 凤鳳 宁寧 刚剛 亮亮 龄齡 铃鈴 灵靈 馨馨 纳納 钧鈞 骏駿 雁雁 丹丹',
  ]
    .join(' ')
    .split(' ')
    .filter((p) => p[0] !== p[1])
    .map((p): [string, string] => [p[0] as string, p[1] as string]),
)
