import type { Rng } from './create-rng.js'
import { type AddressStyle, formatAddress } from './format-address.js'
import type { Population } from './population.js'
import type { SourceNoiser } from './source-noiser.js'

const variants: readonly AddressStyle[] = ['no-prefix', 'district-only', 'dashed', 'chinese-numerals']

/**
 * The address of a dwelling (household index) as one export writes it: the full form, or at
 * the source's addressVariant rate one of the clerks' variants. '' for no dwelling.
 */
export function dwellingAddress(pop: Population, dwelling: number, noiser: SourceNoiser, rng: Rng): string {
  const h = pop.households[dwelling]
  if (!h) return ''
  return formatAddress(h, pop.district, noiser.addressVariant() ? rng.pick(variants) : 'full')
}
