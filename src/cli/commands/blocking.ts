import Table from 'cli-table3'
import type { Command } from 'commander'
import pc from 'picocolors'
import { parseMonth } from '../../domain/month.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { NoMatchingSectionError } from '../../errors/no-matching-section-error.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import { requireExistingStore } from '../store-flag.js'
import { tableStyle } from '../table-style.js'

interface BlockingFlags {
  period: string
  db: string
  json?: boolean
}

/** One rule's line of the report: the counts of the pairs the link type considers, and those across sources. */
interface RuleReport {
  readonly rule: string
  readonly keys: readonly string[]
  readonly pairsInBlocks: number
  /** Null when the rule is over the budget: its pairs were not enumerated. */
  readonly pairsAdded: number | null
  /** Of pairsAdded, pairs of two records from different sources (all of them for link, none for dedupe). */
  readonly pairsAddedAcrossSources: number | null
  readonly cumulative: number | null
  readonly largestBlock: number
  readonly recordsWithoutKey: number
  readonly overBudget: boolean
}

export function registerBlockingCommand(program: Command): void {
  program
    .command('blocking')
    .description(
      'Count the candidate pairs each blocking rule of a pipeline makes over one month’s records,\n' +
        'before anything is scored: what each rule adds, its largest block, and whether it keeps\n' +
        'within the pair budget.',
    )
    .argument('<pipeline>', 'pipeline YAML file with a matching: section, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the month whose ingested records are counted')
    .option(
      '--db <file>',
      'the store: a SQLite file written by bidui ingest',
      process.env.BIDUI_DB ?? 'bidui.db',
    )
    .option('--json', 'print the counts as JSON on stdout (for scripts), nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui ingest pipelines/demo.yaml --period 2026-10
  $ bidui blocking pipelines/demo.yaml --period 2026-10
  $ bidui blocking pipelines/demo.yaml --period 2026-10 --json

Pairs follow matching.linkType: linkAndDedupe (the default) lets every record pair with every
other, so duplicates within one export are found; link pairs records of different sources only;
dedupe pairs records of one source only. "across sources" counts the added pairs whose records
come from different sources.
A rule whose blocks hold more pairs than matching.pairBudget is marked and the command exits 2.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: BlockingFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      const matching = pipeline.matching
      if (matching === null) throw new NoMatchingSectionError(file, 'blocking')
      requireExistingStore(flags.db, `Ingest the month first (bidui ingest ${file} --period ${period})`)
      // Loaded here, not at the top: `bidui --help` and `validate` should not pay for the store.
      const [
        { openStore },
        { loadMatchRecords },
        { countBlockingPairs },
        { BlockingBudgetError },
        { sourcePairOptions },
      ] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/match-records.repository.js'),
        import('../../match/blocking.js'),
        import('../../errors/match-errors.js'),
        import('../../match/link-type.js'),
      ])
      const store = await openStore(flags.db)
      let loaded: Awaited<ReturnType<typeof loadMatchRecords>>
      try {
        loaded = await loadMatchRecords(store.db, {
          pipeline: pipeline.name,
          county: pipeline.jurisdiction.county,
          period,
          // Rules on attr.<name> keys read the declared attributes (without them every key is null).
          attributes: pipeline.attributes,
        })
      } finally {
        await store.close()
      }
      const { records, sourceOf, sources } = loaded
      const rules = matching.blocking
      const budget = matching.pairBudget
      const linkType = matching.linkType ?? 'linkAndDedupe'
      // The pairs bidui link would make: the link type's source restriction, the same budget.
      const all = countBlockingPairs(records, rules, {
        maxPairsPerRule: budget,
        ...sourcePairOptions(linkType, sourceOf),
      })
      // The pairs of each rule that join two sources, counted on their own (for link the same
      // pairs as `all`; for dedupe none are made). Blocks restricted to pairs across sources hold
      // no more pairs than unrestricted ones, so the same budget keeps it from running away.
      const across =
        linkType === 'dedupe'
          ? all.map((c) => ({ pairsAdded: c.pairsAdded === null ? null : 0 }))
          : countBlockingPairs(records, rules, { sourceOf, maxPairsPerRule: budget })
      const report: RuleReport[] = all.map((c, r) => ({
        rule: c.rule,
        keys: (rules[r] as (typeof rules)[number]).keys,
        pairsInBlocks: c.pairsInBlocks,
        pairsAdded: c.pairsAdded,
        pairsAddedAcrossSources: c.pairsAdded === null ? null : (across[r]?.pairsAdded ?? null),
        cumulative: c.cumulative,
        largestBlock: c.largestBlock,
        recordsWithoutKey: c.recordsWithoutKey,
        overBudget: c.overBudget === 'rule',
      }))

      if (flags.json) {
        const out = {
          pipeline: pipeline.name,
          period,
          records: records.count,
          sources,
          linkType,
          pairBudget: budget,
        }
        process.stdout.write(`${JSON.stringify({ ...out, rules: report }, null, 2)}\n`)
      } else {
        process.stdout.write(
          `\n${pipeline.jurisdiction.name} ${pipeline.jurisdiction.county} · ${period} · ` +
            `${count(records.count)} records from ${sources.length} source${sources.length === 1 ? '' : 's'}` +
            ` · ${linkType} · budget ${count(budget)} pairs per rule\n`,
        )
        printTable(report, budget)
        if (records.count === 0) {
          process.stderr.write(
            `${pc.yellow('note')}: no records are stored for ${period}; run bidui ingest ${file} --period ${period} first.\n`,
          )
        }
      }
      const over = report.find((r) => r.overBudget)
      if (over) throw new BlockingBudgetError(over.rule, over.pairsInBlocks, budget, 'rule')
    })
}

function printTable(report: readonly RuleReport[], budget: number): void {
  const table = new Table({
    head: [
      'rule 规则',
      'keys 键',
      'in blocks 块内',
      'added 新增',
      'cross 跨来源',
      'cumulative 累计',
      'largest 最大块',
      'no key 缺键',
    ],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const r of report) {
    const over = pc.red(pc.bold('OVER BUDGET'))
    table.push([
      r.overBudget ? pc.red(r.rule) : r.rule,
      r.keys.join(' + '),
      r.overBudget ? pc.red(`${count(r.pairsInBlocks)} > ${count(budget)}`) : count(r.pairsInBlocks),
      r.pairsAdded === null ? over : count(r.pairsAdded),
      r.pairsAddedAcrossSources === null ? '–' : count(r.pairsAddedAcrossSources),
      r.cumulative === null ? '–' : count(r.cumulative),
      count(r.largestBlock),
      count(r.recordsWithoutKey),
    ])
  }
  process.stdout.write(`${table.toString()}\n`)
  process.stdout.write(
    'in blocks: pairs within the rule’s blocks, what it costs and what the budget limits\n' +
      'added: pairs no earlier rule made · cross: of those, pairs of two different sources\n' +
      'largest: records in the largest block · no key: records lacking a key, in none of its blocks\n',
  )
}

// Grouped by thousands with plain commas, the same on every machine (no locale lookup).
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
