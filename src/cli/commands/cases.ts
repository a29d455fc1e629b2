import Table from 'cli-table3'
import { type Command, Option } from 'commander'
import { type CaseDecision, caseDecisionZh } from '../../cases/case-decision.js'
import { type CaseStatus, caseStatuses, caseStatusZh } from '../../cases/case-status.js'
import { decisionsInForce } from '../../cases/decisions-in-force.js'
import { parseMonth } from '../../domain/month.js'
import { CasePeriodNotTrackedError } from '../../errors/case-errors.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import { requireExistingStore } from '../store-flag.js'
import { tableStyle } from '../table-style.js'

interface CasesFlags {
  period?: string
  status?: CaseStatus[]
  check?: string
  case?: string
  db: string
  json?: boolean
}

export function registerCasesCommand(program: Command): void {
  program
    .command('cases')
    .description(
      'List a month’s cases as tracked across months: each case key with its\n' +
        'check, community, status (新发现 new, 延续 carried, 已消除 closed,\n' +
        '误报已排除 suppressed) and the decision in force; or, with --case, one\n' +
        'case’s months and its decision log.',
    )
    .argument('<pipeline>', 'pipeline YAML file the months were run with, e.g. pipelines/demo.yaml')
    .option('-p, --period <YYYY-MM>', 'the month to list (default: the latest month run)')
    .addOption(new Option('--status <status...>', 'only cases of these statuses').choices([...caseStatuses]))
    .option('--check <id>', 'only cases of this check, e.g. duplicate')
    .option('--case <key>', 'one case: every month it appears in and every decision on it')
    .option('--db <file>', 'the store bidui run wrote', process.env.BIDUI_DB ?? 'bidui.db')
    .option('--json', 'print as JSON on stdout, nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui cases pipelines/demo.yaml --period 2026-10
  $ bidui cases pipelines/demo.yaml --period 2026-11 --status new closed --check duplicate
  $ bidui cases pipelines/demo.yaml --case duplicate:3f9a0c1d2e4b5a69

Statuses compare a month with the latest earlier month run. Record decisions with bidui decide.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: CasesFlags) => {
      const pipeline = loadPipeline(file)
      const wanted = flags.period === undefined ? null : parseMonth(flags.period)
      if (flags.period !== undefined && wanted === null) throw new BadPeriodError(flags.period)
      requireExistingStore(flags.db, `Run a month first (bidui run ${file} --period YYYY-MM)`)
      const [{ openStore }, repo] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/cases.repository.js'),
      ])
      const store = await openStore(flags.db)
      const scope = { pipeline: pipeline.name, county: pipeline.jurisdiction.county }
      const names = new Map(pipeline.jurisdiction.communities.map((c) => [c.code, c.name]))
      const community = (code: string | null) => (code === null ? '未能定位' : (names.get(code) ?? code))
      try {
        const tracked = await repo.listTrackedPeriods(store.db, scope)
        if (flags.case !== undefined) {
          const months = await repo.listCaseMonths(store.db, scope, flags.case)
          const log = await repo.readDecisionLog(store.db, scope, flags.case)
          if (flags.json) {
            process.stdout.write(`${JSON.stringify({ case: flags.case, months, decisions: log }, null, 2)}\n`)
            return
          }
          process.stdout.write(
            `${flags.case}\n  months: ${
              months.length === 0
                ? 'never detected'
                : months.map((m) => `${m.period} ${caseStatusZh[m.status]}`).join(' · ')
            }\n`,
          )
          for (const d of log)
            process.stdout.write(
              `  ${d.decided_at} ${d.period} ${decisionText(d.decision)} by ${d.decided_by}` +
                (d.previous_decision === null ? '' : ` (was ${decisionText(d.previous_decision)})`) +
                (d.note === null ? '' : ` · ${d.note}`) +
                ` · ${d.via}\n`,
            )
          if (log.length === 0) process.stdout.write('  no decisions\n')
          return
        }
        const period = wanted ?? tracked.at(-1)
        if (period === undefined || !tracked.includes(period))
          throw new CasePeriodNotTrackedError(file, period ?? '(any month)', flags.db, tracked)
        const entries = (await repo.readCasePeriod(store.db, { ...scope, period })).filter(
          (e) =>
            (flags.status === undefined || flags.status.includes(e.status)) &&
            (flags.check === undefined || e.checkId === flags.check),
        )
        // Decisions recorded since the month was run show now, marked as waiting for the next run.
        const inForce = decisionsInForce(await repo.readDecisions(store.db, scope, period), period)
        const pending = (key: string, decisionId: number | null) => {
          const d = inForce.get(key)
          return d === undefined || d.id === decisionId ? null : d.decision
        }
        if (flags.json) {
          const cases = entries.map((e) => ({ ...e, pendingDecision: pending(e.key, e.decisionId) }))
          process.stdout.write(`${JSON.stringify({ period, cases }, null, 2)}\n`)
          return
        }
        const table = new Table({
          head: [
            '案件编号 case',
            '核查类型 check',
            '社区 community',
            '状态 status',
            '决定 decision',
            '说明 note',
          ],
          style: tableStyle,
          chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        })
        for (const e of entries)
          table.push([
            e.key,
            e.checkName,
            community(e.community),
            caseStatusZh[e.status] +
              (e.evidenceChanged ? ' 证据已变化' : '') +
              (e.reopened ? ' 重新打开' : ''),
            decisionCell(e.decision, pending(e.key, e.decisionId)),
            e.note ?? '',
          ])
        process.stdout.write(`${table.toString()}\n${entries.length} cases · ${period}\n`)
      } finally {
        await store.close()
      }
    })
}

function decisionCell(inRun: CaseDecision | null, pending: CaseDecision | null): string {
  if (pending !== null) return `${caseDecisionZh[pending]}（下次运行生效 next run）`
  return inRun === null ? '' : caseDecisionZh[inRun]
}

function decisionText(d: string): string {
  return d in caseDecisionZh ? `${caseDecisionZh[d as CaseDecision]} ${d}` : d
}
