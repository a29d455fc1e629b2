import Table from 'cli-table3'
import type { Command } from 'commander'
import { parseMonth } from '../../domain/month.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { NoMatchingSectionError } from '../../errors/no-matching-section-error.js'
import { linkSeed } from '../../pipeline/link-seed.js'
import type { LinkSummary } from '../../pipeline/link-stored-period.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import { stageLogger } from '../stage-log.js'
import { requireExistingStore } from '../store-flag.js'
import { tableStyle } from '../table-style.js'

interface LinkFlags {
  period: string
  db: string
  model?: string
  json?: boolean
}

export function registerLinkCommand(program: Command): void {
  program
    .command('link')
    .description(
      'Link one month’s ingested records into persons and keep the result in the store: the accepted\n' +
        'and review pairs with their scores, each record’s person, and stable bidui person IDs that\n' +
        'carry over from the previous linked month (merges and splits are logged).',
    )
    .argument('<pipeline>', 'pipeline YAML file with a matching: section, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the month whose ingested records are linked')
    .option(
      '--db <file>',
      'the store: a SQLite file written by bidui ingest',
      process.env.BIDUI_DB ?? 'bidui.db',
    )
    .option('--model <file.json>', 'score with a model saved by bidui train instead of training on the month')
    .option('--json', 'print the summary as JSON on stdout (for scripts), nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui ingest pipelines/demo.yaml --period 2026-10
  $ bidui link pipelines/demo.yaml --period 2026-10
  $ bidui export persons pipelines/demo.yaml --period 2026-10 --out persons.csv
  $ bidui train pipelines/demo.yaml --period 2026-10 --out models/demo.json
  $ bidui link pipelines/demo.yaml --period 2026-11 --model models/demo.json

Linking a month again replaces its linkage in one transaction (nothing is duplicated; a failure
leaves the store as it was) and keeps the person IDs it gave. Without --model the model is
trained afresh from a seed fixed by the period, so runs repeat (bidui train writes that same
model). Expected errors come from the model's probabilities, without truth: Σ(1−p) over the
accepted pairs is the expected number of false links, Σp over the review band the expected true
links an officer will find there, Σp below it the true links left out; the JSON also gives these
for other accept cutoffs, to help choose thresholds.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: LinkFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      if (pipeline.matching === null) throw new NoMatchingSectionError(file, 'link')
      requireExistingStore(flags.db, `Ingest the month first (bidui ingest ${file} --period ${period})`)
      const [{ openStore }, { linkStoredPeriod }, { createRng }, { readLinkModel }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../pipeline/link-stored-period.js'),
        import('../../generate/create-rng.js'),
        import('../read-link-model.js'),
      ])
      const model =
        flags.model === undefined ? undefined : readLinkModel(flags.model, pipeline.matching, file)
      const store = await openStore(flags.db)
      let summary: LinkSummary
      try {
        summary = await linkStoredPeriod(store, pipeline, {
          period,
          rng: createRng(linkSeed(period)).next,
          now: () => new Date(),
          onStage: stageLogger(!flags.json),
          pipelineFile: file,
          ...(model === undefined ? {} : { model }),
        })
      } finally {
        await store.close()
      }
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...summary, store: flags.db }, null, 2)}\n`)
        return
      }
      process.stdout.write(
        `\n${pipeline.jurisdiction.name} ${pipeline.jurisdiction.county} · ${period} · run ${summary.runId}` +
          `${summary.replaced ? ' · replaced the earlier linkage of this month' : ''}\n`,
      )
      process.stdout.write(`${summaryTable(summary)}\n`)
      process.stdout.write(`${errorTable(summary)}\n`)
      process.stdout.write(`${cutoffTable(summary)}\n`)
      process.stdout.write(
        `person IDs carried over from ${summary.previousPeriod ?? '(none: first linked month)'} · ` +
          `model: ${flags.model ?? `trained on ${period}`} · store: ${flags.db}\n` +
          'expected counts take the model’s probabilities at their word (they run over-confident) and miss links blocking never proposed\n',
      )
    })
}

function summaryTable(s: LinkSummary): string {
  const table = new Table({
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  const st = s.personStatus
  table.push(
    ['records 记录', count(s.records)],
    ['candidate pairs 候选对', count(s.candidatePairs)],
    ['accepted 确认匹配', count(s.accepted)],
    ['review 待人工确认', count(s.review)],
    ['refused by ID guard 证号冲突', count(s.flaggedLinks)],
    ['persons 人员', count(s.persons)],
    ['  new 新增', count(st.new)],
    ['  continuing 延续', count(st.continuing)],
    ['  merged 合并', `${count(st.merged)} (${count(s.merges)} IDs absorbed)`],
    ['  split 拆分', `${count(st.split)} (${count(s.splits)} split events)`],
  )
  return table.toString()
}

function errorTable(s: LinkSummary): string {
  const e = s.expectedError
  const table = new Table({
    head: ['band 分档', 'pairs 对数', 'expected true 预计真匹配', 'expected false 预计误匹配'],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  table.push(
    [
      `accepted p ≥ ${e.thresholds.accept}`,
      count(e.accepted.pairs),
      fixed(e.accepted.expectedTrue),
      fixed(e.accepted.expectedFalse),
    ],
    [
      `review ${e.thresholds.review} ≤ p < ${e.thresholds.accept}`,
      count(e.review.pairs),
      fixed(e.review.expectedTrue),
      fixed(e.review.expectedFalse),
    ],
    [
      `rejected p < ${e.thresholds.review}`,
      count(e.rejected.pairs),
      fixed(e.rejected.expectedTrue),
      fixed(e.rejected.expectedFalse),
    ],
  )
  return table.toString()
}

/** What other accept cutoffs would give, so an officer can choose one on data without truth. */
function cutoffTable(s: LinkSummary): string {
  const table = new Table({
    head: [
      'accept if p ≥ 确认阈值',
      'accepted 确认',
      'expected false 预计误匹配',
      'expected missed 预计漏匹配',
    ],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const c of s.expectedError.cutoffs) {
    const mark = c.cutoff === s.expectedError.thresholds.accept ? ' ◀' : ''
    table.push([`${c.cutoff}${mark}`, count(c.accepted), fixed(c.expectedFalse), fixed(c.expectedMissed)])
  }
  return table.toString()
}

function fixed(x: number): string {
  return x.toFixed(1)
}

// Grouped by thousands with plain commas, the same on every machine (no locale lookup).
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
