/**
 * Attributes: free-named fields a pipeline declares for data that bidui's canonical fields do
 * not describe (a FEBRL extract's `soc_sec_id`, a CRM export's `email`). A source maps a header
 * to one with `attr.<name>`; matching reads its normalized value under `attr.<name>` on each
 * record (attributeRecordKey), so blocking keys and comparisons can name it.
 */

/**
 * How an attribute's raw text is normalized, once, before matching:
 * - `text`: NFKC, trimmed, lower-cased, runs of white space collapsed to one space;
 * - `digits`: NFKC, every character but 0–9 dropped (phone numbers, postcodes, ID numbers);
 * - `date`: through the date normalizer to YYYY-MM-DD; a value that is not a real date is null;
 * - `none`: trimmed only.
 * An empty result is null (missing) in every case.
 */
export const attributeNormalizers = ['text', 'digits', 'date', 'none'] as const
export type AttributeNormalizer = (typeof attributeNormalizers)[number]

/** Attribute names: lower snake case, so `attr.<name>` is unambiguous in keys and headers. */
export const attributeNamePattern = /^[a-z][a-z0-9_]*$/

/** Prefix of attribute keys in column mappings, blocking keys and match records. */
export const attributePrefix = 'attr.'

/** The key an attribute's value has on a match record and in column mappings: `attr.<name>`. */
export function attributeRecordKey(name: string): string {
  return attributePrefix + name
}
