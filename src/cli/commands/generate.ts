import type { Command } from 'commander'
import pc from 'picocolors'
import type { NoiseProfileName } from '../../generate/noise-profiles.js'

interface GenerateFlags {
  persons: string
  seed: string
  period: string
  profile: string
  out: string
  eventMonths: string
}

/** Adds `bidui generate`: a synthetic district with every agency's export and its ground truth. */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'Simulate a district (households, births, marriages, deaths, moves, inflow migrants) and write every ' +
        "agency's export for a period as its system would, with realistic noise and the register's true " +
        'defects, plus ground truth under OUT/truth/ (records, pairs, discrepancies). Same seed, same bytes.',
    )
    .requiredOption('--persons <n>', 'true population of the district (200 to 2,000,000)')
    .option('--seed <seed>', 'random seed; equal seeds give byte-identical files', '1')
    .requiredOption('--period <YYYY-MM>', 'the export period (last month the feeds cover)')
    .option(
      '--profile <profile>',
      'noise profile: clean | normal | hard (rates: README, Synthetic data)',
      'normal',
    )
    .requiredOption('--out <dir>', 'output directory; truth goes to <dir>/truth/')
    .option(
      '--event-months <k>',
      'months of events the feeds cover, ending with the period (a campaign extract)',
      '1',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ bidui generate --persons 3000 --seed 20261 --period 2026-10 --profile normal --event-months 12 --out fixtures/demo
  $ bidui generate --persons 1000000 --period 2026-10 --profile hard --out bench/out/district-1m

Writes police-changes-P.csv, police-snapshot-P.csv, police-temporary-P.csv (GBK), civil-marriages-P.xlsx,
civil-deaths-P.csv, health-births-P.csv, register-persons-P.csv (GBK),
register-births-P.csv, manifest.json and truth/{records,persons,pairs,discrepancies}.csv.
pipelines/demo.yaml reads the demo's files.`,
    )
    .action(async (flags: GenerateFlags) => {
      const started = process.hrtime.bigint()
      // Loaded on use: the generator's tables and exceljs would slow every other command's start.
      const { generateDistrict } = await import('../../generate/generate-district.js')
      const summary = await generateDistrict({
        persons: Number(flags.persons),
        seed: flags.seed,
        period: flags.period,
        profile: flags.profile as NoiseProfileName,
        out: flags.out,
        eventMonths: Number(flags.eventMonths),
      })
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const width = Math.max(...summary.files.map((f) => f.file.length))
      const lines = summary.files.map((f) => `  ${f.file.padEnd(width)}  ${String(f.rows).padStart(9)} rows`)
      const d = Object.entries(summary.truth.discrepancies)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')
      process.stdout.write(
        `${pc.green('✓')} wrote ${summary.files.length} exports to ${summary.out}:\n${lines.join('\n')}\n` +
          `  truth: ${summary.truth.records} records (${summary.truth.malformed} malformed), ${summary.truth.pairs} pairs, ` +
          `${summary.truth.persons} persons\n  discrepancies: ${d}\n` +
          `  ${summary.population.persons} people simulated in ${seconds.toFixed(1)} s\n`,
      )
    })
}
