import { type GenerateOptionProblem, GenerateOptionsError } from '../errors/generate-errors.js'
import { type NoiseProfileName, noiseProfileNames } from './noise-profiles.js'

/** Options of `bidui generate` / generateDistrict, as given. */
export interface GenerateOptions {
  /** True population of the district (people living here or with hukou here) when the window opens. */
  readonly persons: number
  /** Any string or number; equal seeds give byte-identical output. */
  readonly seed: string | number
  /** The export period, YYYY-MM: the last month the feeds cover. */
  readonly period: string
  readonly profile: NoiseProfileName
  /** Output directory (created if missing); truth goes to DIR/truth/. */
  readonly out: string
  /** Months of events the feeds cover, ending with `period` (a campaign extract); default 1. */
  readonly eventMonths?: number
  /** Called as each stage starts (simulate, each export, truth), e.g. to print progress. */
  readonly onStage?: (stage: string) => void
}

/** Options after defaults and checks. */
export interface ResolvedGenerateOptions extends Required<Omit<GenerateOptions, 'onStage'>> {
  readonly onStage: (stage: string) => void
  readonly periodYear: number
  readonly periodMonth: number
}

/** Largest population accepted (a big county; memory grows about 1 GB per million). */
export const maxPersons = 2_000_000

/**
 * Checks and completes the options; throws GenerateOptionsError listing every problem.
 * @example resolveGenerateOptions({ persons: 5000, seed: 1, period: '2026-10', profile: 'normal', out: 'x' })
 */
export function resolveGenerateOptions(o: GenerateOptions): ResolvedGenerateOptions {
  const problems: GenerateOptionProblem[] = []
  const eventMonths = o.eventMonths ?? 1
  if (!Number.isInteger(o.persons) || o.persons < 200 || o.persons > maxPersons) {
    problems.push({
      option: '--persons',
      expected: `a whole number from 200 to ${maxPersons}`,
      got: String(o.persons),
    })
  }
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(o.period)
  const year = m ? Number(m[1]) : 0
  if (!m || year < 2000 || year > 2100) {
    problems.push({
      option: '--period',
      expected: 'a month YYYY-MM between 2000-01 and 2100-12',
      got: JSON.stringify(o.period),
    })
  }
  if (!noiseProfileNames.includes(o.profile)) {
    problems.push({
      option: '--profile',
      expected: noiseProfileNames.join(' | '),
      got: JSON.stringify(o.profile),
    })
  }
  if (!Number.isInteger(eventMonths) || eventMonths < 1 || eventMonths > 36) {
    problems.push({
      option: '--event-months',
      expected: 'a whole number from 1 to 36',
      got: String(o.eventMonths),
    })
  }
  if (typeof o.out !== 'string' || o.out.trim() === '') {
    problems.push({ option: '--out', expected: 'an output directory', got: JSON.stringify(o.out) })
  }
  if (String(o.seed).length === 0)
    problems.push({ option: '--seed', expected: 'a non-empty seed', got: '""' })
  if (problems.length > 0) throw new GenerateOptionsError(problems)
  return {
    ...o,
    eventMonths,
    onStage: o.onStage ?? (() => {}),
    periodYear: year,
    periodMonth: Number(m?.[2]),
  }
}
