import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { woffToSfnt } from './woff-to-sfnt.js'

/**
 * Noto Sans SC, simplified-Chinese subset (GB 2312 and the common characters, ASCII included;
 * 8,248 glyphs), from the @fontsource npm package: nothing to install on the machine. The PDFs
 * embed the glyphs they use, summary.html a subset of it (embedded-font-css.ts).
 */
export const reportFontFile = createRequire(import.meta.url).resolve(
  '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
)

let font: Buffer | undefined

/** The report font unpacked to OpenType, once per process (woffToSfnt says why). */
export function reportFont(): Buffer {
  font ??= woffToSfnt(readFileSync(reportFontFile))
  return font
}
