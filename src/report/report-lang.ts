/** The language of report pages and sheet titles: Chinese for officers, English for reviewers. */
export const reportLangs = ['zh', 'en'] as const
export type ReportLang = (typeof reportLangs)[number]

export function isReportLang(v: string): v is ReportLang {
  return (reportLangs as readonly string[]).includes(v)
}
