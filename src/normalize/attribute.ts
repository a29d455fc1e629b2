import type { AttributeNormalizer } from '../domain/attribute.js'
import { normalizeDate } from './date.js'

/**
 * An attribute's value as matching compares it, by the normalizer its pipeline declares (see
 * domain/attribute.ts for what each does), or null when nothing is left. Pure, total and
 * idempotent: normalizing a normalized value changes nothing.
 * @example normalizeAttribute('text', ' Mary  ANN ') // 'mary ann'
 * @example normalizeAttribute('date', '19151111') // '1915-11-11'
 */
export function normalizeAttribute(normalizer: AttributeNormalizer, raw: string | null): string | null {
  if (raw === null) return null
  switch (normalizer) {
    case 'text':
      return orNull(raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim())
    case 'digits':
      return orNull(raw.normalize('NFKC').replace(/[^0-9]/g, ''))
    case 'date':
      return normalizeDate(raw).norm
    case 'none':
      return orNull(raw.trim())
  }
}

function orNull(s: string): string | null {
  return s === '' ? null : s
}
