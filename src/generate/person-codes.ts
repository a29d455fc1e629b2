/**
 * How exports write sex and marital status: codes (GB/T 2261.1 / 2261.2) or words.
 * 10 未婚, 20 已婚, 21 初婚, 22 再婚, 23 复婚, 30 丧偶, 40 离婚.
 */
export const personCodes = {
  sexWord: (sex: 1 | 2): string => (sex === 1 ? '男' : '女'),
  maritalWord: (code: number): string =>
    code === 10 ? '未婚' : code === 22 ? '再婚' : code === 30 ? '丧偶' : code === 40 ? '离婚' : '已婚',
} as const
