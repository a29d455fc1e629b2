import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { type Month, previousMonth } from '../domain/month.js'
import type { PreviousCounts } from './previous-counts.js'

/** The part of an earlier summary.json that month-over-month needs (older files lack byCommunity). */
const summarySchema = z.object({
  period: z.string(),
  checks: z.array(z.object({ id: z.string(), cases: z.number() })),
  byCommunity: z.array(z.object({ check: z.string(), community: z.string(), cases: z.number() })).optional(),
})

/**
 * Last month's counts from <reports>/<previous month>/summary.json, or null when there is no
 * such file or it is not a summary this program wrote (then the report says 无上月数据).
 */
export function readPreviousSummary(reportsDir: string, period: Month): PreviousCounts | null {
  const prev = previousMonth(period)
  let text: string
  try {
    text = readFileSync(path.join(reportsDir, prev, 'summary.json'), 'utf8')
  } catch {
    return null
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = summarySchema.safeParse(json)
  if (!parsed.success || parsed.data.period !== prev) return null
  const checks: Record<string, { total: number; byCommunity?: Record<string, number> }> = {}
  for (const c of parsed.data.checks) checks[c.id] = { total: c.cases }
  if (parsed.data.byCommunity !== undefined) {
    for (const c of parsed.data.checks)
      (checks[c.id] as { byCommunity?: Record<string, number> }).byCommunity = {}
    for (const cell of parsed.data.byCommunity) {
      const by = checks[cell.check]?.byCommunity
      if (by !== undefined) by[cell.community] = cell.cases
    }
  }
  return { period: prev, checks }
}
