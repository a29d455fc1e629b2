import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'
import { smallPoliceRows, writeSmallExports } from '../support/small-exports.js'

// These run the compiled CLI (npm test builds dist/ first), as users run it.
let dir: string

function bidui(...args: string[]) {
  return runCli(dir, ...args)
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui ingest', () => {
  it('ingests a month, prints a summary and writes the rejects file', async () => {
    await writeSmallExports(dir)
    const r = bidui('ingest', 't.yaml', '--period', '2026-10', '--db', 'x.db')
    expect(r.stderr).not.toContain('internal error')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('police-changes')
    expect(r.stdout).toMatch(/total.*\b6\b.*\b3\b.*\b3\b.*\b4\b/)
    const rejects = readFileSync(path.join(dir, 'reports', '2026-10', 'rejects.csv'), 'utf8')
    expect(rejects.startsWith('\uFEFF')).toBe(true)
    expect(rejects.trim().split('\r\n')).toHaveLength(4)
    expect(rejects).toContain('ROW_NO_IDENTITY')
  })

  it('says a re-run skips what was already ingested, and --json is machine-readable', async () => {
    await writeSmallExports(dir)
    expect(bidui('ingest', 't.yaml', '--period', '2026-10', '--db', 'x.db').code).toBe(0)
    const again = bidui('ingest', 't.yaml', '--period', '2026-10', '--db', 'x.db', '--json')
    expect(again.code).toBe(0)
    const summary = JSON.parse(again.stdout)
    expect(summary.files.map((f: { status: string }) => f.status)).toEqual([
      'already-ingested',
      'already-ingested',
    ])
  })

  it('exits 2 with the code, the file, the closest header and a hint for a missing column', async () => {
    await writeSmallExports(dir, [
      smallPoliceRows[0]!.replace('变动日期', '变更日期'),
      ...smallPoliceRows.slice(1),
    ])
    const r = bidui('ingest', 't.yaml', '--period', '2026-10', '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('INGEST_MISSING_COLUMN')
    expect(r.stderr).toContain('police-2026-10.csv')
    expect(r.stderr).toContain('变更日期')
    expect(r.stderr).toContain('how to fix')
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/) // no stack trace for a known error
  })

  it('rejects a malformed period before touching the store', async () => {
    await writeSmallExports(dir)
    const r = bidui('ingest', 't.yaml', '--period', '2026-13', '--db', 'x.db')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('INGEST_BAD_PERIOD')
    expect(existsSync(path.join(dir, 'x.db'))).toBe(false)
  })
})

describe('bidui validate', () => {
  it('exits 2 listing each problem at file:line:column', () => {
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      'version: 1\nname: Bad Name\njurisdiction: { county: "41", name: x, communities: [] }\nsources: []\n',
    )
    const r = bidui('validate', 'bad.yaml')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('PIPELINE_INVALID')
    expect(r.stderr).toMatch(/bad\.yaml:2:7\s+name: a pipeline name is kebab-case/)
    expect(r.stderr).toMatch(/bad\.yaml:3:25\s+jurisdiction\.county/)
  })
})
