import path from 'node:path'
import Table from 'cli-table3'
import type { Command } from 'commander'
import pc from 'picocolors'
import { parseMonth } from '../../domain/month.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import { FileProgress } from '../progress.js'
import { tableStyle } from '../table-style.js'

interface IngestFlags {
  period: string
  db: string
  reports: string
  json?: boolean
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'Read every export a pipeline names for one month, normalize it and keep it in the store.\n' +
        'Rows that cannot be read go to reports/<period>/rejects.csv with file, line, column and reason.',
    )
    .argument('<pipeline>', 'pipeline YAML file, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the month the exports cover; fills {period} in file names')
    .option('--db <file>', 'the store: a SQLite file, created if missing', process.env.BIDUI_DB ?? 'bidui.db')
    .option('--reports <dir>', 'folder for reports; files go to <dir>/<period>/', 'reports')
    .option('--json', 'print the summary as JSON on stdout (for scripts), nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui ingest pipelines/demo.yaml --period 2026-10
  $ bidui ingest pipelines/demo.yaml --period 2026-10 --db /data/jinshui.db --json

Re-running a month is safe: a file already ingested for that month is skipped, a changed file
replaces the earlier one, and a file that fails half-way leaves the store as it was.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: IngestFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      // Loaded here, not at the top: `bidui --help` and `validate` should not pay for the store.
      const [{ ingestPeriod }, { openStore }, { listRejects }, { writeRejectsCsv }] = await Promise.all([
        import('../../ingest/ingest-period.js'),
        import('../../store/open-store.js'),
        import('../../store/rejects.repository.js'),
        import('../../report/write-rejects-csv.js'),
      ])
      const store = await openStore(flags.db)
      const progress = new FileProgress(!flags.json && process.stderr.isTTY === true)
      const log = (s: string) => {
        if (!flags.json) process.stderr.write(`${s}\n`)
      }
      try {
        const summary = await ingestPeriod(store, pipeline, {
          period,
          onProgress: (p) => progress.update(p.bytesDone, p.rows),
          onFile: (f) => {
            if (f.status === 'started') {
              progress.start(`${f.source}`, f.bytes)
              return
            }
            progress.stop()
            if (f.status === 'already-ingested') {
              log(`${pc.dim('=')} ${f.path}: already ingested for ${period} (${f.ingestedAt}); skipped`)
            } else {
              const rej = f.rowsRejected > 0 ? pc.yellow(`, ${f.rowsRejected} rejected`) : ''
              const rep = f.replaced > 0 ? pc.cyan(` (replaced an earlier version)`) : ''
              log(
                `${pc.green('+')} ${f.path}: ${f.rowsRead} rows → ${f.recordsStored} records${rej}${rep} in ${f.seconds.toFixed(1)} s`,
              )
            }
          },
        })
        const rejects = await listRejects(store.db, {
          pipeline: pipeline.name,
          county: pipeline.jurisdiction.county,
          period,
        })
        const rejectsFile = path.join(flags.reports, period, 'rejects.csv')
        writeRejectsCsv(rejectsFile, rejects)
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ...summary, rejectsFile, store: flags.db }, null, 2)}\n`)
          return
        }
        const table = new Table({
          head: [
            'source 来源',
            'file 文件',
            'rows read 读入',
            'stored 入库',
            'rejected 拒收',
            'records 人员记录',
          ],
          style: tableStyle,
          chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        })
        for (const f of summary.files) {
          const stored = f.rowsRead - f.rowsRejected
          table.push([f.source, path.basename(f.path), f.rowsRead, stored, f.rowsRejected, f.recordsStored])
        }
        const total = summary.files.reduce(
          (t, f) => ({
            read: t.read + f.rowsRead,
            rej: t.rej + f.rowsRejected,
            rec: t.rec + f.recordsStored,
          }),
          { read: 0, rej: 0, rec: 0 },
        )
        table.push([pc.bold('total'), '', total.read, total.read - total.rej, total.rej, total.rec])
        process.stdout.write(
          `\n${pipeline.jurisdiction.name} ${pipeline.jurisdiction.county} · ${period} · run ${summary.runId}\n`,
        )
        process.stdout.write(`${table.toString()}\n`)
        process.stdout.write(`rows read = stored + rejected · rejects: ${rejectsFile} · store: ${flags.db}\n`)
      } finally {
        progress.stop()
        await store.close()
      }
    })
}
