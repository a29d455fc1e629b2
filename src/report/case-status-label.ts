import { label } from './report-labels.js'
import type { ReportLang } from './report-lang.js'

/**
 * A case-tracking status as officers read it. Known codes (case tracking's new / carried / closed /
 * suppressed, and their Chinese names) map to 新发现 / 延续 / 已消除 / 误报已排除; anything else is shown as given.
 */
export function caseStatusLabel(status: string | undefined, lang: ReportLang): string {
  if (status === undefined) return ''
  switch (status) {
    case 'new':
    case '新发现':
      return label('statusNew', lang)
    case 'carried':
    case 'open':
    case '延续':
      return label('statusOpen', lang)
    case 'gone':
    case 'closed':
    case '已消除':
      return label('statusGone', lang)
    case 'suppressed':
    case '误报已排除':
      return label('statusSuppressed', lang)
    default:
      return status
  }
}
