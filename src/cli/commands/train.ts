import Table from 'cli-table3'
import type { Command } from 'commander'
import { parseMonth } from '../../domain/month.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { LinkNoRecordsError } from '../../errors/link-errors.js'
import { NoMatchingSectionError } from '../../errors/no-matching-section-error.js'
import type { LinkModel } from '../../match/link-model.js'
import { linkSeed } from '../../pipeline/link-seed.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import { requireExistingStore } from '../store-flag.js'
import { tableStyle } from '../table-style.js'

interface TrainFlags {
  period: string
  out: string
  db: string
  json?: boolean
}

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description(
      'Train the matching model on one month’s ingested records, without supervision, and save it as\n' +
        'JSON, to score later months with the same parameters (bidui link --model).',
    )
    .argument('<pipeline>', 'pipeline YAML file with a matching: section, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the month whose records the model is trained on')
    .requiredOption('-o, --out <model.json>', 'the model file to write (replaced atomically)')
    .option(
      '--db <file>',
      'the store: a SQLite file written by bidui ingest',
      process.env.BIDUI_DB ?? 'bidui.db',
    )
    .option('--json', 'print the model as JSON on stdout too, nothing else')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui train pipelines/demo.yaml --period 2026-10 --out models/demo.json
  $ bidui link pipelines/demo.yaml --period 2026-11 --model models/demo.json

Training is what bidui link does without --model, from the same seed: linking the month with
the model it wrote gives the same pairs. u comes from random record pairs, λ and m from EM over
the blocked pairs (m seeded from pairs sharing a valid resident ID); truth is never used.
A model fits the pipeline's comparisons as they were: change them and train again.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: TrainFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      const matching = pipeline.matching
      if (matching === null) throw new NoMatchingSectionError(file, 'train')
      requireExistingStore(flags.db, `Ingest the month first (bidui ingest ${file} --period ${period})`)
      const [{ openStore }, { loadMatchRecords }, { trainLinkModel }, { createRng }, { writeFileAtomic }] =
        await Promise.all([
          import('../../store/open-store.js'),
          import('../../store/match-records.repository.js'),
          import('../../match/train-link-model.js'),
          import('../../generate/create-rng.js'),
          import('../../report/write-atomic.js'),
        ])
      const store = await openStore(flags.db)
      let loaded: Awaited<ReturnType<typeof loadMatchRecords>>
      try {
        // Declared attributes are read for attribute comparisons (an extra key where not supported).
        const q = {
          pipeline: pipeline.name,
          county: pipeline.jurisdiction.county,
          period,
          attributes: pipeline.attributes,
        }
        loaded = await loadMatchRecords(store.db, q)
      } finally {
        await store.close()
      }
      if (loaded.records.count === 0) throw new LinkNoRecordsError(file, period, flags.db)
      // The options bidui link trains with (link-stored-period.ts via linkRecords, same seed),
      // so that `link --model` with this file repeats `link`; the link type comes from matching.
      const model = trainLinkModel(loaded.records, loaded.sourceOf, matching, {
        rng: createRng(linkSeed(period)).next,
        pipeline: pipeline.name,
        period,
      })
      const json = `${JSON.stringify(model, null, 2)}\n`
      writeFileAtomic(flags.out, json)
      if (flags.json) {
        process.stdout.write(json)
        return
      }
      const t = model.training
      process.stdout.write(
        `\n${pipeline.jurisdiction.name} ${pipeline.jurisdiction.county} · trained on ${period} · ` +
          `${t.records} records · ${t.candidatePairs} candidate pairs · EM ${t.iterations} iterations, ` +
          `${t.converged ? 'converged' : 'not converged'} · λ = ${model.lambda.toPrecision(3)} · ` +
          `m seeded from ${t.seedPairs} pairs sharing a valid ID\n`,
      )
      process.stdout.write(`${parameterTable(model)}\n`)
      process.stdout.write(`model written to ${flags.out}\n`)
    })
}

/** Each comparison level with m, u and its match weight log2(m/u), best level first. */
function parameterTable(model: LinkModel): string {
  const table = new Table({
    head: ['comparison 比较', 'level 级别', 'm', 'u', 'weight 权重 (bits)'],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const c of model.comparisons) {
    for (let level = c.levels.length - 1; level >= 0; level--) {
      const m = c.m[level] as number
      const u = c.u[level] as number
      table.push([
        level === c.levels.length - 1 ? c.name : '',
        c.levels[level],
        m.toPrecision(3),
        u.toPrecision(3),
        Math.log2(m / u).toFixed(2),
      ])
    }
  }
  return table.toString()
}
