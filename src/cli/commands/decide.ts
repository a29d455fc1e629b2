import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import iconv from 'iconv-lite'
import { caseDecisionZh } from '../../cases/case-decision.js'
import { checkDecision, type DecisionRequest, parseDecisionsCsv } from '../../cases/parse-decisions-csv.js'
import { parseMonth } from '../../domain/month.js'
import { CaseDecisionInvalidError, CaseDecisionsFileError } from '../../errors/case-errors.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { detectEncoding } from '../../ingest/detect-encoding.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import { requireExistingStore } from '../store-flag.js'

interface DecideFlags {
  period: string
  case?: string
  decision?: string
  by?: string
  note?: string
  file?: string
  db: string
  json?: boolean
}

const usageHint =
  'Give --case KEY --decision confirmed|false-positive|fixed (with --note for a false positive), or --file decisions.csv.'

export function registerDecideCommand(program: Command): void {
  program
    .command('decide')
    .description(
      'Record what an officer decided about a case of a month that was run:\n' +
        'confirmed (属实), false-positive (误报) or fixed (已修正). Decisions are\n' +
        'appended to an audit log (who, when, what, the decision before) and\n' +
        'honoured by the next run of that month or a later one.',
    )
    .argument('<pipeline>', 'pipeline YAML file the month was run with, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the month whose case list the decision is about')
    .option('--case <key>', 'the case key: the 案件编号 column of reports/<period>/cases.csv')
    .option('--decision <decision>', 'confirmed | false-positive | fixed (or 属实 | 误报 | 已修正)')
    .option('--by <name>', 'who decided (default: $USER)')
    .option('--note <text>', 'why; required for a false positive')
    .option(
      '--file <decisions.csv>',
      'many decisions at once: a CSV with columns 案件编号 (case), 决定 (decision), 决定人 (by), 备注 (note)',
    )
    .option('--db <file>', 'the store bidui run wrote', process.env.BIDUI_DB ?? 'bidui.db')
    .option('--json', 'print the decisions recorded as JSON on stdout, nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui run pipelines/demo.yaml --period 2026-10
  $ bidui cases pipelines/demo.yaml --period 2026-10 --status new
  $ bidui decide pipelines/demo.yaml --period 2026-10 --case duplicate:3f9a0c1d2e4b5a69 --decision confirmed
  $ bidui decide pipelines/demo.yaml --period 2026-10 --case conflict:0a1b2c3d4e5f6071 \\
      --decision false-positive --by 李娜 --note "入户核查：两人同名，非同一人"
  $ bidui decide pipelines/demo.yaml --period 2026-10 --file 核查结果-2026-10.csv
  $ bidui run pipelines/demo.yaml --period 2026-11

A decisions file (UTF-8 or GBK, as Excel saves it):
  案件编号,决定,决定人,备注
  duplicate:3f9a0c1d2e4b5a69,属实,王芳,
  conflict:0a1b2c3d4e5f6071,误报,李娜,两人同名，非同一人
All rows are checked first; if any is wrong nothing is recorded and every problem is listed.

How the next run honours a decision:
  false-positive  not listed again while its evidence (records, compared values, match band) is
                  unchanged: counted as 误报已排除; listed again, marked 证据已变化, if it changed
  fixed           closed when no longer detected; detected again in a later month: reopened
  confirmed       stays open until no longer detected
A later decision on the same case replaces the earlier one; the log keeps both
(bidui cases <pipeline> --case KEY shows it).
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: DecideFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      const defaultBy = flags.by ?? whoAmI()
      const requests =
        flags.file === undefined ? [oneDecision(flags, defaultBy)] : fileDecisions(flags, defaultBy)
      requireExistingStore(flags.db, `Run the month first (bidui run ${file} --period ${period})`)
      const [{ openStore }, { decideCases }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../pipeline/decide-cases.js'),
      ])
      const store = await openStore(flags.db)
      try {
        const recorded = await decideCases(
          store.db,
          { pipeline: pipeline.name, county: pipeline.jurisdiction.county, period },
          requests,
          {
            pipelineFile: file,
            store: flags.db,
            via: flags.file === undefined ? 'decide' : `decide --file ${path.basename(flags.file)}`,
            now: new Date(),
          },
        )
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ period, recorded }, null, 2)}\n`)
          return
        }
        for (const r of recorded) {
          process.stdout.write(
            `✓ ${r.caseKey} ${r.checkName} → ${caseDecisionZh[r.decision]} ${r.decision} · ${r.by}` +
              (r.previous === null ? '' : ` · was ${caseDecisionZh[r.previous]} ${r.previous}`) +
              (r.note === null ? '' : ` · ${r.note}`) +
              '\n',
          )
        }
        process.stdout.write(
          `${recorded.length} decision${recorded.length === 1 ? '' : 's'} recorded for ${period}; ` +
            `honoured by the next run of ${period} or a later month (bidui run ${file} --period ${period}).\n`,
        )
      } finally {
        await store.close()
      }
    })
}

function oneDecision(flags: DecideFlags, by: string): DecisionRequest {
  const problems: string[] = []
  if (flags.case === undefined) problems.push('no --case')
  if (flags.decision === undefined) problems.push('no --decision')
  if (problems.length > 0) throw new CaseDecisionInvalidError(problems, usageHint)
  const r = checkDecision({
    caseKey: (flags.case ?? '').trim(),
    decision: flags.decision ?? '',
    by,
    note: (flags.note ?? '').trim(),
  })
  if (!r.ok) throw new CaseDecisionInvalidError(r.problems, usageHint)
  return r.request
}

function fileDecisions(flags: DecideFlags, by: string): readonly DecisionRequest[] {
  const file = flags.file as string
  if (flags.case !== undefined || flags.decision !== undefined || flags.note !== undefined)
    throw new CaseDecisionInvalidError(
      ['--file cannot be combined with --case, --decision or --note'],
      'Put every decision in the file, or give one with --case and --decision.',
    )
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new CaseDecisionsFileError(file, e instanceof Error ? e.message : String(e))
  }
  const encoding = detectEncoding(bytes.subarray(0, 65536))
  const parsed = parseDecisionsCsv(iconv.decode(bytes, encoding), by)
  if (parsed.ok) {
    if (parsed.requests.length === 0) throw new CaseDecisionsFileError(file, 'it holds no decisions')
    return parsed.requests
  }
  if ('missingColumns' in parsed)
    throw new CaseDecisionsFileError(
      file,
      `no ${parsed.missingColumns.join(' or ')} column in the header row`,
    )
  throw new CaseDecisionInvalidError(
    parsed.problems,
    'Fix those rows (decision 属实/误报/已修正 or confirmed/false-positive/fixed; a 误报 needs a 备注) and run again.',
    file,
  )
}

/** $USER, else the account name; '' when neither is known (the check then asks for --by). */
function whoAmI(): string {
  if (process.env.USER) return process.env.USER
  try {
    return userInfo().username
  } catch {
    return ''
  }
}
