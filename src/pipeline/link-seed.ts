/**
 * The seed every command that trains a model on a month draws its random pairs from (u
 * sampling): `bidui link`, `run`, `train` and `evaluate` share it, so evaluate scores exactly
 * the linkage link stores, and a month re-linked gives the same pairs.
 * @example linkSeed('2026-10') // 'link/2026-10'
 */
export function linkSeed(period: string): string {
  return `link/${period}`
}
