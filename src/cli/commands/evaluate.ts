import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Table from 'cli-table3'
import type { Command } from 'commander'
import pc from 'picocolors'
import { attributeRecordKey } from '../../domain/attribute.js'
import { parseMonth } from '../../domain/month.js'
import { TruthNotFoundError } from '../../errors/evaluate-errors.js'
import { BadPeriodError } from '../../errors/ingest-period-errors.js'
import { NoMatchingSectionError } from '../../errors/no-matching-section-error.js'
import { NoTruthError } from '../../errors/no-truth-error.js'
import type { MatchRecord } from '../../match/comparison.js'
import type { ClusterScores } from '../../match/evaluate-clusters.js'
import type { PairEvaluation, PairScores, SourcePairScores } from '../../match/evaluate-pairs.js'
import { linkSeed } from '../../pipeline/link-seed.js'
import { loadPipeline } from '../../pipeline/load-pipeline.js'
import type { Pipeline } from '../../pipeline/pipeline.js'
import { requireExistingStore } from '../store-flag.js'
import { tableStyle } from '../table-style.js'

interface EvaluateFlags {
  period: string
  truth?: string
  db: string
  json?: boolean
  out?: string
}

/** One method's line of the report. */
interface MethodReport extends PairEvaluation {
  readonly method: string
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description(
      'Link one month’s records without supervision and score the links against the ground truth\n' +
        'of a generated district (bidui generate), or against the truth attribute the pipeline names\n' +
        '(evaluation.truthAttribute, never used for matching): pair precision, recall and F1, next to\n' +
        'the exact-ID baseline, the recall on pairs whose IDs differ or are missing, the same per pair\n' +
        'of sources, and cluster metrics.',
    )
    .argument('<pipeline>', 'pipeline YAML file with a matching: section, e.g. pipelines/demo.yaml')
    .requiredOption('-p, --period <YYYY-MM>', 'the month whose ingested records are linked')
    .option(
      '--truth <dir>',
      'the generator’s output directory, holding truth/pairs.csv and truth/records.csv; ' +
        'default the pipeline’s evaluation.truthAttribute',
    )
    .option(
      '--db <file>',
      'the store: a SQLite file written by bidui ingest',
      process.env.BIDUI_DB ?? 'bidui.db',
    )
    .option('--json', 'print the evaluation as JSON on stdout (for scripts), nothing else')
    .option('--out <file>', 'also write the evaluation as JSON to this file')
    .addHelpText(
      'after',
      `
Examples:
  $ bidui ingest pipelines/demo.yaml --period 2026-10
  $ bidui evaluate pipelines/demo.yaml --period 2026-10 --truth fixtures/demo
  $ bidui evaluate pipelines/demo.yaml --period 2026-10 --truth fixtures/demo --json --out eval.json
  $ bidui ingest pipelines/febrl4.yaml --period 2000-01 --db febrl.db
  $ bidui evaluate pipelines/febrl4.yaml --period 2000-01 --db febrl.db

Predicted pairs are every pair within a cluster of accepted links (the truth lists every pair of
one person); "links" scores the accepted links alone. Truth pairs with a record the store does not
hold (a rejected row, a person ingest does not keep) are out of scope and counted separately.
With a truth attribute, records with the same entity are the same person, and only the pairs the
pipeline's matching.linkType considers count (link: across sources only). "clusters" compares the
persons found with the true entities: B-cubed precision/recall and the share of true groups found
exactly. The model is trained afresh on every run from a seed fixed by the period, so runs repeat.
Environment: BIDUI_DB sets the default for --db.`,
    )
    .action(async (file: string, flags: EvaluateFlags) => {
      const period = parseMonth(flags.period)
      if (!period) throw new BadPeriodError(flags.period)
      const pipeline = loadPipeline(file)
      const matching = pipeline.matching
      if (matching === null) throw new NoMatchingSectionError(file, 'evaluate')
      requireExistingStore(flags.db, `Ingest the month first (bidui ingest ${file} --period ${period})`)
      const truthDir = flags.truth
      if (truthDir === undefined && pipeline.evaluation === null) throw new NoTruthError(file)
      if (truthDir !== undefined) {
        for (const f of truthFiles(truthDir)) if (!existsSync(f)) throw new TruthNotFoundError(f)
      }
      const [
        { openStore },
        { loadMatchRecords },
        { linkRecords },
        { evaluatePairs, evaluateBySourcePair, exactIdPairs, pairKey },
        { evaluateClusters },
        { componentLabels, entityLabels, pairsWithinLabels },
        { createRng },
        { toRecordObjects },
      ] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../store/match-records.repository.js'),
        import('../../match/link-period.js'),
        import('../../match/evaluate-pairs.js'),
        import('../../match/evaluate-clusters.js'),
        import('../../match/entity-labels.js'),
        import('../../generate/create-rng.js'),
        import('../../match/record-columns.js'),
      ])
      const store = await openStore(flags.db)
      let loaded: Awaited<ReturnType<typeof loadMatchRecords>>
      let fileNames: Map<number, string>
      try {
        loaded = await loadMatchRecords(store.db, {
          pipeline: pipeline.name,
          county: pipeline.jurisdiction.county,
          period,
          attributes: pipeline.attributes,
        })
        const files = await store.db.selectFrom('source_file').select(['id', 'path']).execute()
        // Truth names files by basename; the store keeps them relative to the pipeline file.
        fileNames = new Map(files.map((f) => [f.id, path.basename(f.path)]))
      } finally {
        await store.close()
      }
      const { sourceOf, sources, fileIds, lines, roles } = loaded
      // Evaluation runs on districts of tens of thousands of records: objects are simpler here.
      const records = toRecordObjects(loaded.records)
      const keys = records.map((_, i) => {
        const fileId = fileIds[i] as number
        return `${fileNames.get(fileId) ?? fileId}:${lines[i]}:${roles[i]}`
      })
      const sourceOfKey = new Map(keys.map((k, i) => [k, sources[sourceOf[i] as number] as string]))
      const linkType = matching.linkType ?? 'linkAndDedupe'
      // Only the pairs the run considers can be found: a link-only run never pairs within a source.
      const considered = (i: number, j: number): boolean =>
        linkType === 'link'
          ? sourceOf[i] !== sourceOf[j]
          : linkType === 'dedupe'
            ? sourceOf[i] === sourceOf[j]
            : true

      let truth: Set<string>
      let labels: Int32Array
      let truthPairs: number
      let outOfScope: number
      if (truthDir !== undefined) {
        const t = generatorTruth(truthDir, keys)
        truth = t.truth
        labels = componentLabels(records.length, t.indexPairs, (i) => t.malformed.has(keys[i] as string))
        truthPairs = t.truthPairs
        outOfScope = t.outOfScope
      } else {
        const evaluation = pipeline.evaluation as NonNullable<Pipeline['evaluation']>
        const truthKey = attributeRecordKey(evaluation.truthAttribute)
        const values = records.map((r) => r[truthKey] ?? null)
        // The truth leaves the records before linking: nothing downstream can read it.
        for (const r of records) delete (r as Record<string, string | null>)[truthKey]
        labels = entityLabels(values, evaluation.pattern === null ? null : new RegExp(evaluation.pattern))
        truth = pairsWithinLabels(labels, keys)
        truthPairs = truth.size
        truth = pairsWithinLabels(labels, keys, considered)
        outOfScope = truthPairs - truth.size
      }
      const byKey = new Map<string, MatchRecord>(keys.map((k, i) => [k, records[i] as MatchRecord]))

      const result = linkRecords(records, sourceOf, matching, { rng: createRng(linkSeed(period)).next })
      const links = new Set<string>()
      for (const k of result.accepted) {
        const i = result.pairs.left[k] as number
        const j = result.pairs.right[k] as number
        if (considered(i, j)) links.add(pairKey(keys[i] as string, keys[j] as string))
      }
      const clustered = pairsWithinLabels(result.clustering.clusterOf, keys, considered)
      const methods: MethodReport[] = [
        { method: 'bidui', ...evaluatePairs(clustered, truth, byKey) },
        { method: 'bidui links', ...evaluatePairs(links, truth, byKey) },
        { method: 'exact ID', ...evaluatePairs(exactIdPairs(byKey), truth, byKey) },
      ]
      const sourceName = (k: string): string => sourceOfKey.get(k) ?? '?'
      const sourcePairs = evaluateBySourcePair(clustered, truth, sourceName)
      const clusters = evaluateClusters(result.clustering.clusterOf, labels)
      const p = result.parameters
      const report = {
        pipeline: pipeline.name,
        period,
        records: records.length,
        candidatePairs: result.pairs.left.length,
        accepted: result.accepted.length,
        review: result.review.length,
        clusters: result.clustering.clusters.length,
        flaggedLinks: result.clustering.flagged.length,
        linkType,
        truth: {
          from: truthDir !== undefined ? 'generator' : `attribute ${pipeline.evaluation?.truthAttribute}`,
          pairs: truthPairs,
          inScope: truth.size,
          outOfScope,
        },
        em: {
          iterations: p.iterations,
          converged: p.converged,
          lambda: p.lambda,
          seedPairs: p.seedPairs,
          patterns: p.patterns,
          comparisons: p.comparisons,
          m: p.m,
          u: p.u,
        },
        thresholds: matching.thresholds,
        methods,
        sourcePairs,
        clusterScores: clusters,
      }
      const json = `${JSON.stringify(report, null, 2)}\n`
      if (flags.out !== undefined) writeFileSync(flags.out, json)
      if (flags.json) {
        process.stdout.write(json)
        return
      }
      process.stdout.write(
        `\n${pipeline.evaluation === null || truthDir !== undefined ? `${pipeline.jurisdiction.name} ${pipeline.jurisdiction.county}` : pipeline.name} · ${period} · ` +
          `${count(records.length)} records · ${count(result.pairs.left.length)} candidate pairs · ` +
          `${count(result.accepted.length)} accepted, ${count(result.review.length)} to review\n` +
          `truth: ${count(truth.size)} pairs in scope, ${count(outOfScope)} of ${count(truthPairs)} out of scope ` +
          `(${truthDir !== undefined ? 'a record not in the store' : `a pair ${linkType} does not consider`})\n` +
          `EM: ${p.iterations} iterations, ${p.converged ? 'converged' : pc.yellow('not converged')}, ` +
          `λ = ${p.lambda.toPrecision(3)}, m seeded from ${count(p.seedPairs)} pairs sharing a valid ID\n`,
      )
      printTable(methods)
      printSourcePairs(sourcePairs)
      printClusters(clusters)
      if (records.length === 0) {
        process.stderr.write(
          `${pc.yellow('note')}: no records are stored for ${period}; run bidui ingest ${file} --period ${period} first.\n`,
        )
      }
    })
}

function truthFiles(dir: string): [string, string] {
  return [path.join(dir, 'truth', 'pairs.csv'), path.join(dir, 'truth', 'records.csv')]
}

/** The generator's truth over the stored records (keys: `file:line:role` of each record, in order). */
function generatorTruth(dir: string, keys: readonly string[]) {
  const [pairsFile, recordsFile] = truthFiles(dir)
  const indexOf = new Map(keys.map((k, i) => [k, i]))
  const malformed = new Set(
    readCsv(recordsFile)
      .filter((row) => row.malformed === '1')
      .map((row) => `${row.file}:${row.line}:${row.role}`),
  )
  const truth = new Set<string>()
  const indexPairs: [number, number][] = []
  let outOfScope = 0
  let truthPairs = 0
  for (const row of readCsv(pairsFile)) {
    truthPairs++
    const a = `${row.left_file}:${row.left_line}:${row.left_role}`
    const b = `${row.right_file}:${row.right_line}:${row.right_role}`
    const i = indexOf.get(a)
    const j = indexOf.get(b)
    if (malformed.has(a) || malformed.has(b) || i === undefined || j === undefined) outOfScope++
    else {
      truth.add(a < b ? `${a} ${b}` : `${b} ${a}`)
      indexPairs.push([i, j])
    }
  }
  return { truth, indexPairs, malformed, truthPairs, outOfScope }
}

/** Reads a truth CSV: UTF-8, a header, no quoting (README "Truth files"). */
function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/)
  const header = (lines[0] ?? '').split(',')
  const rows: Record<string, string>[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const cells = line.split(',')
    rows.push(Object.fromEntries(header.map((h, c) => [h, cells[c] ?? ''])))
  }
  return rows
}

function printTable(methods: readonly MethodReport[]): void {
  const table = new Table({
    head: [
      'method 方法',
      'predicted 预测',
      'true pos. 正确',
      'precision 精确率',
      'recall 召回率',
      'F1',
      'recall, IDs differ/missing 证号不同或缺失召回',
    ],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const m of methods) {
    table.push([
      m.method,
      count(m.all.predicted),
      count(m.all.truePositives),
      rate(m.all.precision),
      rate(m.all.recall),
      rate(m.all.f1),
      `${rate(m.idsDifferOrMissing.recall)} (${count(m.idsDifferOrMissing.truePositives)} of ${count(m.idsDifferOrMissing.truePairs)})`,
    ])
  }
  process.stdout.write(`${table.toString()}\n`)
  process.stdout.write(
    'bidui: pairs within clusters of accepted links · bidui links: the accepted links alone\n' +
      'exact ID: every pair of records with the same valid resident ID\n',
  )
}

function printSourcePairs(rows: readonly SourcePairScores[]): void {
  if (rows.length < 2 && rows.every((r) => r.sources[0] === r.sources[1])) return
  const table = new Table({
    head: ['sources 来源', 'predicted 预测', 'true pos. 正确', 'precision 精确率', 'recall 召回率', 'F1'],
    style: tableStyle,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const r of rows) {
    table.push([
      r.sources[0] === r.sources[1] ? `within ${r.sources[0]}` : `${r.sources[0]} ↔ ${r.sources[1]}`,
      count(r.predicted),
      count(r.truePositives),
      rate(r.precision),
      rate(r.recall),
      rate(r.f1),
    ])
  }
  process.stdout.write(`bidui per pair of sources 按来源对:\n${table.toString()}\n`)
}

function printClusters(c: ClusterScores): void {
  process.stdout.write(
    `clusters 聚类: ${count(c.predictedClusters)} persons found for ${count(c.trueEntities)} true entities · ` +
      `${count(c.exactGroups)} of ${count(c.trueGroups)} true groups found exactly (${rate(c.exactGroupRate)}) · ` +
      `B-cubed precision ${rate(c.bcubedPrecision)}, recall ${rate(c.bcubedRecall)}, F1 ${rate(c.bcubedF1)}\n`,
  )
}

function rate(value: PairScores['precision']): string {
  return value === null ? '–' : value.toFixed(4)
}

// Grouped by thousands with plain commas, the same on every machine (no locale lookup).
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
