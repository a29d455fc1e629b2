import { BiduiError } from './bidui-error.js'

/** `bidui link` found no records for the period: nothing was ingested for it. */
export class LinkNoRecordsError extends BiduiError {
  readonly code = 'LINK_NO_RECORDS'
  constructor(pipelineFile: string, period: string, store: string) {
    super(
      `The store ${store} holds no records of ${pipelineFile} for ${period}, so there is nothing to link.`,
      `Ingest the month first: bidui ingest ${pipelineFile} --period ${period}${store === 'bidui.db' ? '' : ` --db ${store}`}`,
      { file: store },
    )
  }
}

/** A command reads a period's linkage and none is stored. */
export class LinkNotFoundError extends BiduiError {
  readonly code = 'LINK_NOT_FOUND'
  constructor(pipelineFile: string, period: string, store: string) {
    super(
      `The store ${store} holds no linkage of ${pipelineFile} for ${period}.`,
      `Link the month first: bidui link ${pipelineFile} --period ${period}${store === 'bidui.db' ? '' : ` --db ${store}`}`,
      { file: store },
    )
  }
}

/** The period's files were ingested again after it was linked: the stored links point at old rows. */
export class LinkStaleError extends BiduiError {
  readonly code = 'LINK_STALE'
  constructor(pipelineFile: string, period: string, store: string) {
    super(
      `The linkage of ${period} in ${store} is out of date: the month's export files were ingested again since it was linked.`,
      `Link the month again: bidui link ${pipelineFile} --period ${period}${store === 'bidui.db' ? '' : ` --db ${store}`}`,
      { file: store },
    )
  }
}

/** Another run gave out person numbers while this one was linking (two links at once on one store). */
export class LinkConcurrentWriteError extends BiduiError {
  readonly code = 'LINK_CONCURRENT_WRITE'
  constructor(store: string) {
    super(
      `Another bidui run stored persons in ${store} while this one was linking; nothing was stored.`,
      'Run one bidui link at a time on a store, then link again.',
      { file: store },
    )
  }
}

/** `--model` names a file that does not exist. */
export class LinkModelNotFoundError extends BiduiError {
  readonly code = 'LINK_MODEL_NOT_FOUND'
  constructor(file: string, pipelineFile: string) {
    super(
      `The model file ${file} does not exist.`,
      `Train one first: bidui train ${pipelineFile} --period YYYY-MM --out ${file}`,
      { file },
    )
  }
}
