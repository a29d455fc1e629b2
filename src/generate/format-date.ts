import { dayParts } from '../domain/day-number.js'

/** Date layouts seen in Chinese government exports. */
export const dateFormats = [
  'iso',
  'slash',
  'slash-padded',
  'compact',
  'chinese',
  'chinese-padded',
  'dot',
] as const
export type DateFormat = (typeof dateFormats)[number]

/**
 * Writes a day number in one of the layouts: iso 1990-01-02, slash 1990/1/2, slash-padded
 * 1990/01/02, compact 19900102, chinese 1990年1月2日, chinese-padded 1990年01月02日, dot 1990.1.2.
 */
export function formatDate(day: number, format: DateFormat): string {
  const { y, m, d } = dayParts(day)
  const mm = m < 10 ? `0${m}` : `${m}`
  const dd = d < 10 ? `0${d}` : `${d}`
  switch (format) {
    case 'iso':
      return `${y}-${mm}-${dd}`
    case 'slash':
      return `${y}/${m}/${d}`
    case 'slash-padded':
      return `${y}/${mm}/${dd}`
    case 'compact':
      return `${y}${mm}${dd}`
    case 'chinese':
      return `${y}年${m}月${d}日`
    case 'chinese-padded':
      return `${y}年${mm}月${dd}日`
    case 'dot':
      return `${y}.${m}.${d}`
  }
}
