import Table from 'cli-table3'
import { type Command, Option } from 'commander'
import pc from 'picocolors'
import { parseMonth } from '../../domain/month.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { NoMatchingSectionError } from '../../errors/no-matching-section-error.js'
import { linkSeed } from '../../pipeline/link-seed.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import type { RunSummary } from '../../pipeline/run-period.js'
import { type ReportLang, reportLangs } from '../../report/report-lang.js'
import { FileProgress } from '../progress.js'
import { stageLogger } from '../stage-log.js'
import { tableStyle } from '../table-style.js'

interface RunFlags {
  period: string
  db: string
  reports: string
  /** undefined: the pipeline's reports.maskIds (default true). */
  mask?: boolean
  lang?: ReportLang
  json?: boolean
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'The monthly reconciliation in one command: ingest the month’s exports, link them into\n' +
        'persons, run the pipeline’s checks and write the case reports to reports/<period>/:\n' +
        'cases.csv (every case), cases-<check id>.csv per check, summary.json, cases.xlsx (summary\n' +
        'and one sheet per check), summary.html (charts, opens offline) and print/<community>.html\n' +
        'and .pdf (入户核查表, field-verification sheets).',
    )
    .argument(
      '<pipeline>',
      'pipeline YAML file with matching: and checks: sections, e.g. pipelines/demo.yaml',
    )
    .requiredOption('-p, --period <YYYY-MM>', 'the month the exports cover; fills {period} in file names')
    .option('--db <file>', 'the store: a SQLite file, created if missing', process.env.BIDUI_DB ?? 'bidui.db')
    .option('--reports <dir>', 'folder for reports; files go to <dir>/<period>/', 'reports')
    .option('--mask', 'mask ID numbers in every report as 410105********1234 (the default)')
    .option('--no-mask', 'show whole ID numbers in the reports (overrides the pipeline’s reports.maskIds)')
    .addOption(
      new Option(
        '--lang <lang>',
        'language of summary.html, the workbook summary and the printed sheets',
      ).choices(reportLangs),
    )
    .option('--json', 'print the summary as JSON on stdout (for scripts), nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui run pipelines/demo.yaml --period 2026-10
  $ bidui run pipelines/demo.yaml --period 2026-10 --db /data/jinshui.db --json

Re-running a month is safe: files already ingested are skipped, the month's linkage is replaced
(person IDs kept), and the case files are rewritten whole (a reader never sees half a file).
Case files are UTF-8 with a BOM (Excel and WPS read the Chinese), every cell escaped against
formula injection. 待人工确认 cases rest on a pair an officer must judge; 未能定位 cases have no
community responsible.
Cases are followed across months: each is 新发现 new, 延续 carried over or 已消除 no longer detected
against the latest earlier month run; decisions recorded with bidui decide are honoured (a false
positive on unchanged evidence is not listed again). bidui cases lists a month's cases.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: RunFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      if (pipeline.matching === null) throw new NoMatchingSectionError(file, 'run')
      // Loaded here, not at the top: `bidui --help` and `validate` should not pay for the store.
      const [{ openStore }, { runPeriod }, { createRng }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../pipeline/run-period.js'),
        import('../../generate/create-rng.js'),
      ])
      const store = await openStore(flags.db)
      const progress = new FileProgress(!flags.json && process.stderr.isTTY === true)
      let summary: RunSummary
      try {
        summary = await runPeriod(store, pipeline, {
          period,
          // The seed `bidui link` uses: a run links the month exactly as link would.
          rng: createRng(linkSeed(period)).next,
          now: () => new Date(),
          reports: flags.reports,
          ...(flags.mask === undefined ? {} : { maskIds: flags.mask }),
          ...(flags.lang === undefined ? {} : { lang: flags.lang }),
          pipelineFile: file,
          onStage: stageLogger(!flags.json),
          onProgress: (p) => progress.update(p.bytesDone, p.rows),
          onFile: (f) => {
            if (f.status === 'started') progress.start(f.source, f.bytes)
            else progress.stop()
          },
        })
      } finally {
        progress.stop()
        await store.close()
      }
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...summary, store: flags.db }, null, 2)}\n`)
        return
      }
      process.stdout.write(
        `\n${pipeline.jurisdiction.name} ${pipeline.jurisdiction.county} · ${period} · ` +
          `${summary.link.records} records, ${summary.link.persons} persons\n`,
      )
      process.stdout.write(`${casesTable(summary)}\n`)
      process.stdout.write(trackingLines(summary))
      process.stdout.write(
        `reports: ${summary.reports.dir} (cases.csv, cases-<check>.csv, summary.json, cases.xlsx, summary.html, print/<community>.html|pdf` +
          `${summary.idsMasked ? '; IDs masked, --no-mask shows them' : '; IDs NOT masked'})` +
          ` · rejects: ${summary.ingest.rejectsFile} · store: ${flags.db}\n`,
      )
      // Rare characters outside the PDF font print as empty boxes: the officer should know which.
      if (summary.reports.missingGlyphs.length > 0)
        process.stdout.write(
          pc.yellow(
            `printed PDFs: no glyph for ${summary.reports.missingGlyphs.join('')} (shown as boxes; the HTML sheets show them)\n`,
          ),
        )
    })
}

function casesTable(s: RunSummary): string {
  const table = new Table({
    head: ['check 核查类型', 'cases 案件', 'review 待人工确认', 'no community 未能定位', 'file 文件'],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const c of s.checks) {
    const file = s.reports.perCheck.find((p) => p.checkId === c.id)?.file ?? ''
    table.push([`${c.name} ${c.label}`, c.cases, c.review, c.noCommunity, file])
  }
  table.push([pc.bold('total 合计'), s.total.cases, s.total.review, s.total.noCommunity, s.reports.all])
  return table.toString()
}

/** Where the month's cases stand against the last month run, and what decisions changed. */
function trackingLines(s: RunSummary): string {
  const t = s.cases
  const parts = [
    `${t.listed} listed: ${t.new} 新发现 new, ${t.carried} 延续 carried over`,
    `${t.closed} 已消除 no longer detected`,
  ]
  if (t.suppressed > 0) parts.push(`${t.suppressed} 误报已排除 false positives not listed`)
  if (t.evidenceChanged > 0) parts.push(`${t.evidenceChanged} 证据已变化 listed again, evidence changed`)
  if (t.reopened > 0) parts.push(`${t.reopened} 重新打开 reopened after fixed`)
  const against = t.previousPeriod === null ? 'first month run' : `against ${t.previousPeriod}`
  let out = `cases 案件 (${against}): ${parts.join(' · ')}\n`
  if (t.laterPeriods.length > 0)
    out += `note: ${t.laterPeriods.join(', ')} ${t.laterPeriods.length === 1 ? 'was' : 'were'} run before this re-run; run ${t.laterPeriods.length === 1 ? 'it' : 'them'} again, in order, to carry this month's changes forward.\n`
  return out
}
