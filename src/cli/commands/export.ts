import { Argument, type Command } from 'commander'
import { parseMonth } from '../../domain/month.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { LinkNotFoundError, LinkStaleError } from '../../errors/link-errors.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import type { StoredLinkModel } from '../../store/tables/link-run.table.js'
import { requireExistingStore } from '../store-flag.js'

interface ExportFlags {
  period: string
  out: string
  db: string
  json?: boolean
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write a linked month as CSV for outside tools and scorers: "pairs" lists every accepted and\n' +
        'review pair with its band, match weight and probability; "persons" lists every record with\n' +
        'its bidui person ID. Each record is given by source, file, physical line, role and natural key.',
    )
    .addArgument(new Argument('<what>', 'what to write').choices(['pairs', 'persons']))
    .argument('<pipeline>', 'pipeline YAML file, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the linked month (bidui link)')
    .requiredOption('-o, --out <file.csv>', 'the CSV file to write (replaced atomically)')
    .option(
      '--db <file>',
      'the store: a SQLite file written by bidui link',
      process.env.BIDUI_DB ?? 'bidui.db',
    )
    .option('--json', 'print what was written as JSON on stdout, nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui link pipelines/demo.yaml --period 2026-10
  $ bidui export pairs pipelines/demo.yaml --period 2026-10 --out reports/2026-10/pairs.csv
  $ bidui export persons pipelines/demo.yaml --period 2026-10 --out reports/2026-10/persons.csv

Files are UTF-8 with a BOM (Excel and WPS show the Chinese headers), every cell is escaped
against formula injection, and a file appears only once complete. Natural keys read
recordNo:… (the agency's person number), documentNo:… (the event's document, with the role) or
row:… (a hash of the row's text). Levels are the comparison levels of the pair, in the order
the header names, -1 where a side is missing.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (what: 'pairs' | 'persons', file: string, flags: ExportFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      requireExistingStore(
        flags.db,
        `Ingest and link the month first (bidui link ${file} --period ${period})`,
      )
      const [{ openStore }, linkage, exports, writers] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/linkage.repository.js'),
        import('../../store/linkage-export.repository.js'),
        import('../../report/write-linkage-csv.js'),
      ])
      const store = await openStore(flags.db)
      try {
        const q = { pipeline: pipeline.name, county: pipeline.jurisdiction.county, period }
        const run = await linkage.findLinkRun(store.db, q)
        if (run === undefined) throw new LinkNotFoundError(file, period, flags.db)
        const now = await linkage.periodFiles(store.db, q)
        if (linkage.linkageIsStale(run, now)) {
          throw new LinkStaleError(file, period, flags.db)
        }
        const rows =
          what === 'pairs'
            ? await writers.writePairsCsv(
                flags.out,
                exports.streamLinkagePairs(store.db, run.id),
                (JSON.parse(run.model) as StoredLinkModel).linkModel.comparisons.map((c) => c.name),
              )
            : await writers.writePersonsCsv(flags.out, exports.streamLinkagePersons(store.db, run.id))
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ what, period, out: flags.out, rows }, null, 2)}\n`)
        } else {
          process.stdout.write(
            `${flags.out}: ${rows} ${what === 'pairs' ? 'pairs (accepted and review)' : 'records with their person'} · ${period} · linked ${run.linked_at}\n`,
          )
        }
      } finally {
        await store.close()
      }
    })
}
