import type { Command } from 'commander'
import pc from 'picocolors'
import { loadPipeline } from '../../pipeline/load-pipeline.js'

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description(
      'Check a pipeline file: every problem is reported at once with file:line:column and the allowed values.',
    )
    .argument('<pipeline>', 'pipeline YAML file, e.g. pipelines/demo.yaml')
    .addHelpText(
      'after',
      `
Example:
  $ bidui validate pipelines/demo.yaml
  pipelines/demo.yaml is valid: 8 sources, 12 communities (金水区 410105).`,
    )
    .action((file: string) => {
      const p = loadPipeline(file)
      const files = p.sources.reduce((n, s) => n + s.files.length, 0)
      // A pipeline for data from outside China has attributes and no jurisdiction: say that instead.
      const where =
        p.jurisdiction.communities.length > 0
          ? `${p.jurisdiction.communities.length} communities (${p.jurisdiction.name} ${p.jurisdiction.county})`
          : 'no jurisdiction'
      const attributes = p.attributes.length > 0 ? `, ${p.attributes.length} attributes` : ''
      process.stdout.write(
        `${pc.green('✓')} ${file} is valid: ${p.sources.length} sources (${files} files)${attributes}, ${where}.\n`,
      )
    })
}
