/**
 * Whether two normalized names can be the same written name, allowing for what exports do to
 * names without changing them: the middle dot of minority names is optional (exports drop it
 * or use other dots), and `?` (or U+FFFD) stands for a character a GBK file could not hold,
 * the dot included, so it matches any one character or none.
 * @example namesAgree('阿依努尔?赛买提', '阿依努尔·赛买提') // true
 * @example namesAgree('王丽', '王莉') // false
 */
export function namesAgree(a: string, b: string): boolean {
  const x = [...a.replaceAll('·', '')]
  const y = [...b.replaceAll('·', '')]
  if (!x.some(isUnknown) && !y.some(isUnknown)) return x.join('') === y.join('')
  // can[i][j]: x[i..] and y[j..] can be the same name. Names are a few characters long.
  const can: boolean[][] = Array.from({ length: x.length + 1 }, () =>
    new Array<boolean>(y.length + 1).fill(false),
  )
  for (let i = x.length; i >= 0; i--) {
    for (let j = y.length; j >= 0; j--) {
      const ci = x[i]
      const cj = y[j]
      if (ci === undefined && cj === undefined) {
        can[i]![j] = true
        continue
      }
      let ok = false
      if (ci !== undefined && isUnknown(ci))
        ok ||= can[i + 1]![j]! || (cj !== undefined && can[i + 1]![j + 1]!)
      if (cj !== undefined && isUnknown(cj))
        ok ||= can[i]![j + 1]! || (ci !== undefined && can[i + 1]![j + 1]!)
      if (ci !== undefined && cj !== undefined && ci === cj) ok ||= can[i + 1]![j + 1]!
      can[i]![j] = ok
    }
  }
  return can[0]![0]!
}

function isUnknown(c: string): boolean {
  return c === '?' || c === '\uFFFD'
}
