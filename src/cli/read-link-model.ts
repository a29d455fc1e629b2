import { existsSync, readFileSync } from 'node:fs'
import { LinkModelNotFoundError } from '../errors/link-errors.js'
import { LinkModelInvalidError } from '../errors/link-model-errors.js'
import { type LinkModel, parseLinkModel } from '../match/link-model.js'
import type { Matching } from '../pipeline/pipeline.js'

/**
 * Reads a model file written by `bidui train` for the pipeline's matching section.
 * @throws LinkModelNotFoundError, LinkModelInvalidError (not JSON, or not a model), LinkModelMismatchError
 */
export function readLinkModel(file: string, matching: Matching, pipelineFile: string): LinkModel {
  if (!existsSync(file)) throw new LinkModelNotFoundError(file, pipelineFile)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new LinkModelInvalidError(file, [
      { path: [], message: `not JSON: ${e instanceof Error ? e.message : String(e)}` },
    ])
  }
  return parseLinkModel(json, matching, file)
}
