import type { CsvEncoding } from './csv-table-writer.js'

/** One export file the generator writes for a period. */
export interface ExportFile {
  /** Stable key, also the pipeline source name. */
  readonly key: string
  readonly agency: 'police' | 'civil' | 'health' | 'register'
  readonly fileName: (period: string) => string
  /** CSV encoding, or 'xlsx'. */
  readonly format: CsvEncoding | 'xlsx'
}

/** Every export, in the order written. */
export const exportFiles = {
  policeChanges: {
    key: 'police-changes',
    agency: 'police',
    fileName: (p) => `police-changes-${p}.csv`,
    format: 'gbk',
  },
  policeSnapshot: {
    key: 'police-snapshot',
    agency: 'police',
    fileName: (p) => `police-snapshot-${p}.csv`,
    format: 'gbk',
  },
  policeTemporary: {
    key: 'police-temporary',
    agency: 'police',
    fileName: (p) => `police-temporary-${p}.csv`,
    format: 'gbk',
  },
  civilMarriages: {
    key: 'civil-marriages',
    agency: 'civil',
    fileName: (p) => `civil-marriages-${p}.xlsx`,
    format: 'xlsx',
  },
  civilDeaths: {
    key: 'civil-deaths',
    agency: 'civil',
    fileName: (p) => `civil-deaths-${p}.csv`,
    format: 'utf8-bom',
  },
  healthBirths: {
    key: 'health-births',
    agency: 'health',
    fileName: (p) => `health-births-${p}.csv`,
    format: 'utf8',
  },
  registerPersons: {
    key: 'register-persons',
    agency: 'register',
    fileName: (p) => `register-persons-${p}.csv`,
    format: 'gbk',
  },
  registerBirths: {
    key: 'register-births',
    agency: 'register',
    fileName: (p) => `register-births-${p}.csv`,
    format: 'utf8-bom',
  },
} as const satisfies Record<string, ExportFile>

export type ExportKey = (typeof exportFiles)[keyof typeof exportFiles]['key']
