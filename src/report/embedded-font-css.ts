import subsetFont from 'subset-font'
import { reportFont } from './report-font.js'

/** The family name of the font embedded in report pages, first in their font lists. */
export const embeddedFontFamily = 'Bidui Noto Sans SC'

/**
 * An @font-face rule carrying, as a data: URL, the report font cut down to the characters of
 * `text` (harfbuzz hb-subset via subset-font; WOFF, about 30 kB for a summary page): the page
 * shows its Chinese on a PC without Chinese fonts and still fetches nothing.
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const woff = await subsetFont(reportFont(), text, { targetFormat: 'woff' })
  return `@font-face { font-family: "${embeddedFontFamily}"; src: url(data:font/woff;base64,${woff.toString('base64')}) format("woff"); }`
}
