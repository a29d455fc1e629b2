import { BiduiError } from './bidui-error.js'

/**
 * A matching command was given a pipeline without a `matching:` section. Not a validation
 * problem (ingest-only pipelines are valid), so it is raised by the command, with a minimal
 * section to copy in the hint.
 */
export class NoMatchingSectionError extends BiduiError {
  readonly code = 'PIPELINE_NO_MATCHING'
  constructor(file: string, command: string) {
    super(
      `${file} has no matching: section, which \`bidui ${command}\` needs.`,
      'Add a section like this to the pipeline (docs/pipeline-format.md, "Matching"):\n' +
        '  matching:\n' +
        '    blocking:\n' +
        '      - { name: same ID, keys: [id18] }\n' +
        '      - { name: birth date + name pinyin, keys: [birthDate, fullNamePinyin] }',
      { file },
    )
  }
}
