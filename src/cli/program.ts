import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import pc from 'picocolors'
import { BiduiError, formatLocation } from '../errors/bidui-error.js'
import { registerBlockingCommand } from './commands/blocking.js'
import { registerCasesCommand } from './commands/cases.js'
import { registerCheckCommand } from './commands/check.js'
import { registerDecideCommand } from './commands/decide.js'
import { registerEvaluateCommand } from './commands/evaluate.js'
import { registerExportCommand } from './commands/export.js'
import { registerGenerateCommand } from './commands/generate.js'
import { registerIngestCommand } from './commands/ingest.js'
import { registerLinkCommand } from './commands/link.js'
import { registerRunCommand } from './commands/run.js'
import { registerServeCommand } from './commands/serve.js'
import { registerTrainCommand } from './commands/train.js'
import { registerValidateCommand } from './commands/validate.js'
import { exitCodes } from './exit-codes.js'

/** Builds the `bidui` program; exported so tests can drive it without a child process. */
export function buildProgram(): Command {
  const program = new Command()
    .name('bidui')
    .version(packageVersion(), '-V, --version')
    .description(
      'bidui (比对) reconciles Chinese population registries: it reads the monthly exports of the police,\n' +
        'civil affairs and health agencies and the family-planning register, normalizes them, and keeps\n' +
        'them in a local store for matching and discrepancy reports.',
    )
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ sortSubcommands: false })
  registerValidateCommand(program)
  registerIngestCommand(program)
  registerBlockingCommand(program)
  registerEvaluateCommand(program)
  registerGenerateCommand(program)
  registerLinkCommand(program)
  registerExportCommand(program)
  registerTrainCommand(program)
  registerRunCommand(program)
  registerCasesCommand(program)
  registerDecideCommand(program)
  registerCheckCommand(program)
  registerServeCommand(program)
  program.addHelpText(
    'after',
    `
The whole month in one command (ingest → link → reconcile → case reports in reports/<period>/):
  $ bidui run pipelines/demo.yaml --period 2026-10

Cases across months (statuses 新发现/延续/已消除; decisions honoured by the next run):
  $ bidui cases pipelines/demo.yaml --period 2026-10
  $ bidui decide pipelines/demo.yaml --period 2026-10 --case KEY --decision false-positive --note "…"

Typical month:
  $ bidui validate pipelines/demo.yaml
  $ bidui ingest pipelines/demo.yaml --period 2026-10
  $ bidui blocking pipelines/demo.yaml --period 2026-10
  $ bidui link pipelines/demo.yaml --period 2026-10
  $ bidui export pairs pipelines/demo.yaml --period 2026-10 --out reports/2026-10/pairs.csv
  $ bidui export persons pipelines/demo.yaml --period 2026-10 --out reports/2026-10/persons.csv
  $ bidui train pipelines/demo.yaml --period 2026-10 --out models/demo.json
  $ bidui link pipelines/demo.yaml --period 2026-11 --model models/demo.json

Exit codes: 0 done · 1 check found differences · 2 a problem with the input (message says what and where) · 70 a bug in bidui.
Personal data stays on this machine: the store (bidui.db) is created readable by its owner only.`,
  )
  return program
}

/** Prints a known error briefly (code, location, hint) and anything else as a bug, with its stack. */
export function reportError(e: unknown): number {
  if (e instanceof BiduiError) {
    const location = e.where ? formatLocation(e.where) : ''
    // Messages that already name their locations (a pipeline's list of problems) are not repeated.
    const where = location && !e.message.includes(location) ? `${pc.dim(location)}\n` : ''
    process.stderr.write(`${pc.red(`error ${e.code}`)}: ${e.message}\n${where}`)
    if (e.hint) process.stderr.write(`${pc.yellow('how to fix')}: ${e.hint}\n`)
    return exitCodes.knownError
  }
  process.stderr.write(
    `${pc.red('internal error')}: this is a bug in bidui; please report it with the text below.\n${
      e instanceof Error ? (e.stack ?? e.message) : String(e)
    }\n`,
  )
  return exitCodes.bug
}

/** bidui's version from the nearest package.json above this file (dist/src/cli or src/cli). */
function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
}
