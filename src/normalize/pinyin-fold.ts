// The standard IME fuzzy-pinyin set (Sogou, Microsoft Pinyin): initials zh/z, ch/c, sh/s, n/l,
// r/l, h/f; finals an/ang, en/eng, in/ing, ian/iang, uan/uang. Each pair folds to one side.
const initial = /^(?:([zcs])h|[nr]|h)/
const nasalFinal = /([aei]n)g$/
const foldedSyllables = new Map<string, string>()

/**
 * Folds toneless pinyin (syllables separated by single spaces, as NormalizedName carries it) to
 * a key on which dialect confusions agree: 张伟 "zhang wei" and 臧伟 "zang wei" both give
 * "zan wei"; 刘 "liu" and 牛 "niu" both give "liu"; 胡 "hu" and 符 "fu" both give "fu".
 *
 * Folds per syllable: zh→z, ch→c, sh→s, n→l, r→l, h→f (initials); ang→an, eng→en, ing→in
 * (which also folds iang→ian and uang→uan). A fold key is coarse evidence, weaker than
 * equal pinyin. Tokens that are not pinyin (`?`, digits) pass through. Idempotent and total.
 */
export function foldPinyin(pinyin: string): string {
  let out = ''
  let start = 0
  for (;;) {
    const end = pinyin.indexOf(' ', start)
    out += foldSyllable(end < 0 ? pinyin.slice(start) : pinyin.slice(start, end))
    if (end < 0) return out
    out += ' '
    start = end + 1
  }
}

function foldSyllable(syllable: string): string {
  let folded = foldedSyllables.get(syllable)
  if (folded === undefined) {
    folded = syllable
      .replace(initial, (whole: string, retroflex: string | undefined) =>
        retroflex !== undefined ? retroflex : whole === 'h' ? 'f' : 'l',
      )
      .replace(nasalFinal, '$1')
    // About 410 syllables exist; the bound only matters for input that is not pinyin.
    if (foldedSyllables.size < 10_000) foldedSyllables.set(syllable, folded)
  }
  return folded
}
