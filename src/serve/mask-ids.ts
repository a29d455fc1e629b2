/**
 * Masks resident ID numbers (18 or 15 characters) in text shown in the browser, keeping the
 * first six and last four as the reports do: 410105********1234. Pure.
 * @example maskIdsInText('张三 410105199001011234') // '张三 410105********1234'
 */
export function maskIdsInText(text: string): string {
  return text
    .replace(/(?<![0-9])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9Xx])/g, '$1********$2')
    .replace(/(?<![0-9*])(\d{6})\d{5}(\d{4})(?![0-9Xx])/g, '$1*****$2')
}
