import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dayNumber } from '../domain/day-number.js'
import { buildDistrict } from './build-district.js'
import { createRng } from './create-rng.js'
import { CsvTableWriter } from './csv-table-writer.js'
import { type ExportFile, exportFiles } from './export-files.js'
import { type GenerateOptions, resolveGenerateOptions } from './generate-options.js'
import { createIdAssigner } from './id-assigner.js'
import { loadRegionCodes } from './load-region-codes.js'
import { createNameSampler } from './name-sampler.js'
import { noiseProfiles } from './noise-profiles.js'
import { populateDistrict } from './populate-district.js'
import type { Population, SimEvent } from './population.js'
import { RecordLog } from './record-log.js'
import { simulateEvents } from './simulate-events.js'
import type { SimulationContext } from './simulation-context.js'
import { SourceNoiser } from './source-noiser.js'
import { summarizePopulation } from './summarize-population.js'
import type { TableSink } from './table-sink.js'
import { civilDeathsHeader, writeCivilDeaths } from './write-civil-deaths.js'
import { civilMarriagesHeader, writeCivilMarriages } from './write-civil-marriages.js'
import { healthBirthsHeader, writeHealthBirths } from './write-health-births.js'
import { policeChangesHeader, writePoliceChanges } from './write-police-changes.js'
import { policeSnapshotHeader, writePoliceSnapshot } from './write-police-snapshot.js'
import { policeTemporaryHeader, writePoliceTemporary } from './write-police-temporary.js'
import { registerBirthsHeader, registerPersonsHeader, writeRegister } from './write-register.js'
import { type TruthCounts, writeTruth } from './write-truth.js'
import { XlsxTableWriter } from './xlsx-table-writer.js'

export type { GenerateOptions } from './generate-options.js'

/** What a run wrote. */
export interface GenerateSummary {
  readonly out: string
  readonly files: readonly { readonly file: string; readonly rows: number }[]
  readonly truth: TruthCounts
  readonly population: ReturnType<typeof summarizePopulation>
}

/**
 * Simulates one district and writes every agency's export for the period plus ground truth
 * (DIR/truth/) and DIR/manifest.json. Deterministic: the same options give byte-identical
 * files. Throws GenerateOptionsError for bad options.
 * @example await generateDistrict({ persons: 5000, seed: 20261, period: '2026-10', profile: 'normal', out: 'fixtures/demo', eventMonths: 12 })
 */
export async function generateDistrict(options: GenerateOptions): Promise<GenerateSummary> {
  const o = resolveGenerateOptions(options)
  o.onStage('simulate')
  const rng = createRng(o.seed)
  const profile = noiseProfiles[o.profile]
  const windowEnd =
    dayNumber(
      o.periodMonth === 12 ? o.periodYear + 1 : o.periodYear,
      o.periodMonth === 12 ? 1 : o.periodMonth + 1,
      1,
    ) - 1
  const startMonth = o.periodYear * 12 + (o.periodMonth - 1) - (o.eventMonths - 1)
  const windowStart = dayNumber(Math.floor(startMonth / 12), (startMonth % 12) + 1, 1)

  const base: SimulationContext = {
    rng: rng.fork('population'),
    names: createNameSampler(),
    assignId: createIdAssigner(rng.fork('ids')),
    regions: loadRegionCodes(),
    district: buildDistrict(o.persons, rng.fork('district')),
    persons: [],
    households: [],
    windowStart,
    windowEnd,
  }
  populateDistrict(base, o.persons)
  const events: SimEvent[] = []
  simulateEvents({ ...base, rng: rng.fork('events') }, events)
  const pop: Population = {
    district: base.district,
    persons: base.persons,
    households: base.households,
    events,
    windowStart,
    windowEnd,
  }

  const truthDir = path.join(o.out, 'truth')
  mkdirSync(truthDir, { recursive: true })
  const log = new RecordLog()
  const fileKeys: string[] = []
  const written: { file: string; rows: number }[] = []
  const noisers: Record<string, SourceNoiser> = {}
  const stamp = new Date(Date.UTC(o.periodYear, o.periodMonth - 1, 28))

  const open = (
    f: ExportFile,
    header: readonly string[],
  ): { sink: CsvTableWriter | XlsxTableWriter; noiser: SourceNoiser; rng: ReturnType<typeof createRng> } => {
    const name = f.fileName(o.period)
    o.onStage(name)
    const index = log.addFile(name)
    fileKeys.push(f.key)
    const file = path.join(o.out, name)
    const sink =
      f.format === 'xlsx'
        ? new XlsxTableWriter(file, '婚姻登记', header, stamp, log, index)
        : new CsvTableWriter(file, f.format, header, log, index)
    const noiser = new SourceNoiser(profile[f.agency], rng.fork(`noise/${f.key}`))
    noisers[name] = noiser
    return { sink, noiser, rng: rng.fork(`rows/${f.key}`) }
  }
  const finish = async (s: { sink: CsvTableWriter | XlsxTableWriter }, f: ExportFile): Promise<void> => {
    await s.sink.close()
    written.push({ file: f.fileName(o.period), rows: s.sink.rows })
  }
  const simple = async (
    f: ExportFile,
    header: readonly string[],
    write: (
      pop: Population,
      sink: TableSink,
      noiser: SourceNoiser,
      rng: ReturnType<typeof createRng>,
    ) => void,
  ): Promise<void> => {
    const s = open(f, header)
    write(pop, s.sink, s.noiser, s.rng)
    await finish(s, f)
  }

  await simple(exportFiles.policeChanges, policeChangesHeader, writePoliceChanges)
  await simple(exportFiles.policeSnapshot, policeSnapshotHeader, writePoliceSnapshot)
  await simple(exportFiles.policeTemporary, policeTemporaryHeader, writePoliceTemporary)
  await simple(exportFiles.civilMarriages, civilMarriagesHeader, writeCivilMarriages)
  await simple(exportFiles.civilDeaths, civilDeathsHeader, writeCivilDeaths)
  await simple(exportFiles.healthBirths, healthBirthsHeader, writeHealthBirths)
  const persons = open(exportFiles.registerPersons, registerPersonsHeader)
  const births = open(exportFiles.registerBirths, registerBirthsHeader)
  const discrepancies = writeRegister(
    pop,
    persons.sink,
    births.sink,
    persons.noiser,
    births.noiser,
    profile.defects,
    persons.rng,
  )
  await finish(persons, exportFiles.registerPersons)
  await finish(births, exportFiles.registerBirths)

  o.onStage('truth')
  const truth = writeTruth(truthDir, pop, log, fileKeys, discrepancies)
  const population = summarizePopulation(pop)
  const manifest = {
    generator: 'bidui generate',
    options: {
      persons: o.persons,
      seed: String(o.seed), // the PRNG is seeded by the text, so 20261 and "20261" are one seed
      period: o.period,
      profile: o.profile,
      eventMonths: o.eventMonths,
    },
    window: { start: isoDay(windowStart), end: isoDay(windowEnd) },
    district: {
      county: pop.district.countyCode,
      name: pop.district.countyName,
      communities: pop.district.communities.length,
    },
    files: written,
    truth,
    population,
    noiseRates: profile,
    noiseObserved: Object.fromEntries(Object.entries(noisers).map(([file, n]) => [file, n.counts])),
  }
  writeFileSync(path.join(o.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return { out: o.out, files: written, truth, population }
}

function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10)
}
