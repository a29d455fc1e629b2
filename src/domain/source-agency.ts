import { type Agency, agencies } from './agency.js'

/**
 * Who exports a source: one of the agencies bidui reconciles, or `other` for a list that comes
 * from none of them (a research extract, a public benchmark such as FEBRL).
 */
export const sourceAgencies = [...agencies, 'other'] as const
export type SourceAgency = Agency | 'other'
