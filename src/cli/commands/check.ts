import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Table from 'cli-table3'
import type { Command } from 'commander'
import pc from 'picocolors'
import { type Month, parseMonth } from '../../domain/month.js'
import {
  CheckGoldenNotFoundError,
  CheckGoldenUnreadableError,
  CheckNoFixturesError,
} from '../../errors/check-errors.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { NoMatchingSectionError } from '../../errors/no-matching-section-error.js'
import {
  diffExpectedCases,
  type ExpectedCase,
  expectedCasesOf,
  formatExpectedCases,
  type GoldenDiff,
  goldenDiffSize,
  parseExpectedCases,
} from '../../pipeline/check-golden.js'
import type { CheckQuality } from '../../pipeline/check-quality.js'
import { fixturePeriods } from '../../pipeline/fixture-files.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import type { Pipeline } from '../../pipeline/pipeline.js'
import type { Check } from '../../reconcile/check.js'
import { exitCodes } from '../exit-codes.js'
import { tableStyle } from '../table-style.js'

interface CheckFlags {
  fixtures: string
  period?: string
  update?: boolean
  show: string
}

/** The golden file's name, beside the fixture exports. */
export const goldenFileName = 'expected-cases.csv'

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'For CI: run the pipeline on fixture exports in a scratch store, compare the cases with the\n' +
        `golden file beside them (DIR/${goldenFileName}) and, where DIR/truth/discrepancies.csv exists,\n` +
        'score them against the true discrepancies under the floors the checks set.',
    )
    .argument('<pipeline>', 'pipeline YAML file with matching: and checks: sections')
    .requiredOption('--fixtures <dir>', 'folder of fixture exports, e.g. fixtures/demo')
    .option('-p, --period <YYYY-MM>', 'the month to run (default: the only month the folder holds)')
    .option('--update', `rewrite DIR/${goldenFileName} from this run (review the diff before committing)`)
    .option('--show <n>', 'differences listed per check and kind', '10')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui check pipelines/demo.yaml --fixtures fixtures/demo
  $ bidui check pipelines/demo.yaml --fixtures fixtures/demo --update

The pipeline's export files are looked up by file name in the fixtures folder; the store and
reports go to a temporary folder that is removed afterwards (your bidui.db is never touched).
Golden file: one row per case, sorted by case key: case_key, check, community (code; empty =
未能定位), review (yes = 待人工确认), subjects and counterparts (file:line:role).
Floors: a check's \`floors: { precision: 0.95, recall: 0.98 }\` in the pipeline; 待人工确认
cases count neither way.
Exit codes: 0 the cases match and every floor holds · 1 a difference from the golden file or a
floor missed (both listed) · 2 a problem with the input (no fixtures, no golden file …).`,
    )
    .action(async (file: string, flags: CheckFlags) => {
      const pipeline = loadPipeline(file)
      if (pipeline.matching === null) throw new NoMatchingSectionError(file, 'check')
      const dir = flags.fixtures
      const period = choosePeriod(flags.period, dir, pipeline)
      const [{ casesOnFixtures }, { parseTrueDiscrepancies, scoreCases }, { checkQuality }] =
        await Promise.all([
          import('../../pipeline/check-fixtures.js'),
          import('../../reconcile/score-cases.js'),
          import('../../pipeline/check-quality.js'),
        ])
      const command = `bidui check ${file} --fixtures ${dir}`
      const golden = path.join(dir, goldenFileName)
      const before = flags.update === true ? null : readGolden(golden, command)
      const cases = await casesOnFixtures(pipeline, dir, period)
      const actual = expectedCasesOf(cases)
      const out = process.stdout
      out.write(`${pipeline.name} · ${period} · fixtures ${dir} · ${cases.length} cases\n`)

      let failed = false
      if (flags.update === true) {
        const old = existsSync(golden) ? safeParse(readFileSync(golden, 'utf8')) : null
        writeAtomically(golden, formatExpectedCases(actual))
        const d = old === null ? null : diffExpectedCases(old, actual)
        out.write(
          `${pc.yellow('updated')} ${golden}: ${actual.length} cases` +
            (d === null ? ' (new file)' : ` (${diffCounts(d)} against the previous file)`) +
            ' — review the change before committing it\n',
        )
      } else {
        const d = diffExpectedCases(before ?? [], actual)
        if (goldenDiffSize(d) === 0) out.write(`${pc.green('✓')} cases match ${golden} (${actual.length})\n`)
        else {
          failed = true
          out.write(`${pc.red('✗')} cases differ from ${golden}: ${diffCounts(d)}\n`)
          out.write(formatDiff(d, pipeline.checks, Number.parseInt(flags.show, 10) || 10))
          out.write(`  If the change is intended: ${command} --update, and review the file's diff.\n`)
        }
      }

      const truthFile = path.join(dir, 'truth', 'discrepancies.csv')
      if (existsSync(truthFile)) {
        const quality = checkQuality(
          scoreCases(cases, parseTrueDiscrepancies(readFileSync(truthFile, 'utf8'))),
          pipeline.checks,
        )
        const review = new Map<string, number>()
        for (const c of cases) if (c.review) review.set(c.checkId, (review.get(c.checkId) ?? 0) + 1)
        out.write(`quality against ${truthFile}:\n${qualityTable(quality, review)}\n`)
        const missed = quality.filter((q) => q.failures.length > 0)
        for (const q of missed) out.write(`${pc.red('✗')} ${q.name} ${q.id}: ${q.failures.join(', ')}\n`)
        if (missed.length > 0) failed = true
        else out.write(`${pc.green('✓')} every floor holds\n`)
      } else out.write(`no ${truthFile}: quality not measured\n`)

      if (failed) process.exitCode = exitCodes.checkMismatch
    })
}

function choosePeriod(given: string | undefined, dir: string, pipeline: Pipeline): Month {
  if (given !== undefined) {
    const m = parseMonth(given)
    if (m === null) throw new BadPeriodError(given)
    return m
  }
  const periods = existsSync(dir) ? fixturePeriods(pipeline, dir) : []
  if (periods.length !== 1) throw new CheckNoFixturesError(dir, periods)
  return parseMonth(periods[0] as string) as Month
}

function readGolden(file: string, command: string): ExpectedCase[] {
  if (!existsSync(file)) throw new CheckGoldenNotFoundError(file, command)
  try {
    return parseExpectedCases(readFileSync(file, 'utf8'))
  } catch (e) {
    if (e instanceof RangeError) throw new CheckGoldenUnreadableError(file, e.message, command)
    throw e
  }
}

function safeParse(text: string): ExpectedCase[] | null {
  try {
    return parseExpectedCases(text)
  } catch {
    return null
  }
}

/** Written beside itself and renamed over it: a reader never sees half a golden file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}

function diffCounts(d: GoldenDiff): string {
  return `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`
}

/** Grouped by check (in the pipeline's order), each kind its first `show` rows and a count. */
function formatDiff(d: GoldenDiff, checks: readonly Check[], show: number): string {
  const ids = [...checks.map((c) => c.id)]
  for (const r of [...d.added, ...d.removed, ...d.changed.map((c) => c.after)])
    if (!ids.includes(r.check)) ids.push(r.check)
  const nameOf = new Map(checks.map((c) => [c.id, `${c.name} ${c.id}`]))
  const row = (r: ExpectedCase) =>
    `${r.key}  ${r.community ?? '未能定位'}${r.review ? '  待人工确认' : ''}  ${r.subjects.join(' ')}`
  const lines: string[] = []
  for (const id of ids) {
    const added = d.added.filter((r) => r.check === id)
    const removed = d.removed.filter((r) => r.check === id)
    const changed = d.changed.filter((c) => c.after.check === id)
    if (added.length + removed.length + changed.length === 0) continue
    lines.push(`  ${nameOf.get(id) ?? id}: +${added.length} −${removed.length} ~${changed.length}`)
    const list = <T>(items: readonly T[], mark: string, text: (x: T) => string) => {
      for (const x of items.slice(0, show)) lines.push(`    ${mark} ${text(x)}`)
      if (items.length > show) lines.push(`    ${mark} … and ${items.length - show} more`)
    }
    list(added, '+', row)
    list(removed, '-', row)
    list(changed, '~', (c) => `${c.after.key}  ${c.changes.join('; ')}`)
  }
  return `${lines.join('\n')}\n`
}

function qualityTable(quality: readonly CheckQuality[], review: ReadonlyMap<string, number>): string {
  const table = new Table({
    head: [
      'check 核查类型',
      'true',
      'cases',
      '待人工确认',
      'precision',
      'recall',
      'wrong community',
      'floors',
      '',
    ],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  const share = (x: number | null) => (x === null ? '-' : x.toFixed(3))
  for (const q of quality) {
    const floors = [
      q.floors.precision === undefined ? '' : `P≥${q.floors.precision}`,
      q.floors.recall === undefined ? '' : `R≥${q.floors.recall}`,
    ]
      .filter((f) => f !== '')
      .join(' ')
    table.push([
      `${q.name} ${q.id}`,
      q.truth,
      q.cases,
      review.get(q.id) ?? 0,
      share(q.precision),
      share(q.recall),
      q.wrongCommunity,
      floors || '-',
      q.failures.length > 0 ? pc.red('✗') : pc.green('✓'),
    ])
  }
  return table.toString()
}
