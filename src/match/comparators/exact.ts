/** Identical values (string equality; no hidden normalization: that is normalize/'s job). */
export function exactMatch(a: string, b: string): boolean {
  return a === b
}
