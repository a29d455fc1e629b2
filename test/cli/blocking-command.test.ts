import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'
import { writeSmallExports } from '../support/small-exports.js'

let dir: string

function bidui(...args: string[]) {
  return runCli(dir, ...args)
}

// The small exports hold 赵强 and 钱芳 (civil-marriages) and 张伟 and 王丽 (police-changes), all
// with different IDs; all but 张伟 (110105…) have IDs from region 410105.
const matching = (budget: number) => `matching:
  pairBudget: ${budget}
  blocking:
    - { name: same ID, keys: [id18] }
    - { name: ID region, keys: [idRegion] }
`

async function ingested(section: string | null): Promise<void> {
  const file = await writeSmallExports(dir)
  if (section !== null) appendFileSync(file, section)
  const r = bidui('ingest', 't.yaml', '--period', '2026-10', '--db', 'x.db')
  expect(r.code).toBe(0)
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-blocking-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui blocking', () => {
  it('prints each rule with its pairs, what it adds across sources, its largest block and keyless records', async () => {
    await ingested(matching(1000))
    const r = bidui('blocking', 't.yaml', '--period', '2026-10', '--db', 'x.db')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('4 records from 2 sources · linkAndDedupe · budget 1,000 pairs per rule')
    // rule, keys, in blocks, added, cross, cumulative, largest, no key
    expect(r.stdout).toMatch(/same ID\s+│ id18\s+│ 0\s+│ 0\s+│ 0\s+│ 0\s+│ 1\s+│ 0\s/)
    // 赵强–钱芳 (one source), 赵强–王丽 and 钱芳–王丽 (across); 张伟 alone in his region.
    expect(r.stdout).toMatch(/ID region\s+│ idRegion\s+│ 3\s+│ 3\s+│ 2\s+│ 3\s+│ 3\s+│ 0\s/)
  })

  it('gives the same counts as JSON', async () => {
    await ingested(matching(1000))
    const r = bidui('blocking', 't.yaml', '--period', '2026-10', '--db', 'x.db', '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({
      records: 4,
      sources: ['civil-marriages', 'police-changes'],
      pairBudget: 1000,
    })
    expect(out.rules[1]).toEqual({
      rule: 'ID region',
      keys: ['idRegion'],
      pairsInBlocks: 3,
      pairsAdded: 3,
      pairsAddedAcrossSources: 2,
      cumulative: 3,
      largestBlock: 3,
      recordsWithoutKey: 0,
      overBudget: false,
    })
  })

  it('counts only the pairs the link type considers: across sources for link, within for dedupe', async () => {
    const counts = async (linkType: string) => {
      await ingested(matching(1000).replace('matching:\n', `matching:\n  linkType: ${linkType}\n`))
      const r = bidui('blocking', 't.yaml', '--period', '2026-10', '--db', 'x.db', '--json')
      expect(r.code, r.stderr).toBe(0)
      const out = JSON.parse(r.stdout)
      expect(out.linkType).toBe(linkType)
      rmSync(path.join(dir, 'x.db'))
      return out.rules[1]
    }
    // ID region holds 赵强, 钱芳 (civil-marriages) and 王丽 (police-changes): two pairs across.
    expect(await counts('link')).toMatchObject({
      pairsInBlocks: 2,
      pairsAdded: 2,
      pairsAddedAcrossSources: 2,
    })
    // 赵强–钱芳 only, within civil-marriages.
    expect(await counts('dedupe')).toMatchObject({
      pairsInBlocks: 1,
      pairsAdded: 1,
      pairsAddedAcrossSources: 0,
    })
  })

  it('marks a rule over the pair budget and exits 2 with the budget error', async () => {
    await ingested(matching(2))
    const r = bidui('blocking', 't.yaml', '--period', '2026-10', '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stdout).toMatch(/ID region.*3 > 2.*OVER BUDGET/)
    expect(r.stderr).toContain('MATCH_BLOCKING_BUDGET')
    expect(r.stderr).toContain(
      'Blocking rule "ID region" would make 3 candidate pairs; the budget is 2 per rule.',
    )
  })

  it('exits 2 with a minimal matching section in the hint when the pipeline has none', async () => {
    await ingested(null)
    const r = bidui('blocking', 't.yaml', '--period', '2026-10', '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('PIPELINE_NO_MATCHING')
    expect(r.stderr).toContain('matching:')
    expect(r.stderr).toContain('keys: [id18]')
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('refuses a store that does not exist rather than creating an empty one', async () => {
    await ingested(matching(1000))
    const r = bidui('blocking', 't.yaml', '--period', '2026-10', '--db', 'missing.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('STORE_OPEN_FAILED')
    expect(r.stderr).toContain('bidui ingest')
  })

  it('shows an example in --help', () => {
    const r = bidui('blocking', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('$ bidui blocking pipelines/demo.yaml --period 2026-10')
  })
})

// FEBRL 4 (public data beside the project, as in public-data.test.ts): two sources, link only,
// blocking on attribute keys.
const febrl = path.resolve('pipelines', '../../shared/data/febrl/dataset4a.csv')
if (!existsSync(febrl))
  process.stderr.write(`blocking-command.test.ts: ${febrl} not found: its test is skipped\n`)

describe.skipIf(!existsSync(febrl))(
  `bidui blocking on FEBRL 4${existsSync(febrl) ? '' : ` (skipped: ${febrl} not found)`}`,
  () => {
    it('counts pairs for rules on attr.* keys, every one across the two sources', () => {
      const pipeline = path.resolve('pipelines', 'febrl4.yaml')
      const ingest = bidui('ingest', pipeline, '--period', '2000-01', '--db', 'febrl.db')
      expect(ingest.code, ingest.stderr).toBe(0)
      const r = bidui('blocking', pipeline, '--period', '2000-01', '--db', 'febrl.db', '--json')
      expect(r.code, r.stderr).toBe(0)
      const out = JSON.parse(r.stdout)
      expect(out).toMatchObject({ records: 10_000, linkType: 'link', sources: ['febrl-4a', 'febrl-4b'] })
      const names = out.rules.find((x: { rule: string }) => x.rule === 'given name + surname')
      expect(names.keys).toEqual(['attr.given_name', 'attr.surname'])
      // Most of the 5,000 people keep both names in 4B: the rule pairs at least some of them.
      expect(names.pairsAdded).toBeGreaterThan(1000)
      expect(names.recordsWithoutKey).toBeLessThan(10_000)
      for (const rule of out.rules) {
        expect(rule.overBudget).toBe(false)
        // Counted on their own over pairs across sources only: the same pairs, so none within a source.
        expect(rule.pairsAdded, rule.rule).toBe(rule.pairsAddedAcrossSources)
        // At most one record of each source per pair: no more than |4A| · |4B| in any rule.
        expect(rule.pairsInBlocks).toBeLessThanOrEqual(5000 * 5000)
      }
    }, 120_000)
  },
)
