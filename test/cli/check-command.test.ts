import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExpectedCases } from '../../src/pipeline/check-golden.js'
import { runCli } from '../support/run-cli.js'

// bidui check on a copy of the demo fixtures (each run is a whole month: seconds, more on a
// loaded machine). The golden file is written by the first run and then tampered with.
const demo = path.resolve('fixtures/demo')
let dir: string
let fixtures: string
let update: ReturnType<typeof runCli>
const golden = () => path.join(fixtures, 'expected-cases.csv')

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-check-'))
  fixtures = path.join(dir, 'fx')
  mkdirSync(path.join(fixtures, 'truth'), { recursive: true })
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10')))
    copyFileSync(path.join(demo, f), path.join(fixtures, f))
  copyFileSync(
    path.join(demo, 'truth', 'discrepancies.csv'),
    path.join(fixtures, 'truth', 'discrepancies.csv'),
  )
  // The pipeline as written, with its export paths elsewhere: check finds them by file name.
  writeFileSync(path.join(dir, 'demo.yaml'), readFileSync('pipelines/demo.yaml', 'utf8'))
  update = runCli(dir, 'check', 'demo.yaml', '--fixtures', 'fx', '--update')
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bidui check', () => {
  it('--update writes the golden file, sorted, one row per case, and says so', () => {
    expect(update.code, update.stderr).toBe(0)
    expect(update.stdout).toContain('updated')
    expect(update.stdout).toContain('(new file)')
    const rows = parseExpectedCases(readFileSync(golden(), 'utf8'))
    expect(rows.length).toBeGreaterThan(100)
    const keys = rows.map((r) => r.key)
    expect(keys).toEqual([...keys].sort())
    expect(new Set(rows.map((r) => r.check)).size).toBe(8)
    // No store or report was left beside the fixtures or the pipeline.
    expect(readdirSync(dir).sort()).toEqual(['demo.yaml', 'fx'])
    expect(existsSync(path.join(fixtures, 'reports'))).toBe(false)
  })

  it('exits 0 when the cases match the golden file, with the quality table', () => {
    const r = runCli(dir, 'check', 'demo.yaml', '--fixtures', 'fx')
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/✓ cases match .*expected-cases\.csv/)
    expect(r.stdout).toContain('信息不一致 conflict')
    expect(r.stdout).toContain('every floor holds')
  }, 180_000)

  it('shows a modified golden file as a readable diff grouped by check, and exits 1', () => {
    const text = readFileSync(golden(), 'utf8')
    const lines = text.trimEnd().split('\n')
    const conflictAt = lines.findIndex((l) => l.startsWith('conflict:'))
    const removed = lines[conflictAt] as string
    const invalidAt = lines.findIndex((l) => l.startsWith('invalid-id:'))
    const cells = (lines[invalidAt] as string).split(',')
    cells[2] = '410105001099'
    lines[invalidAt] = cells.join(',')
    lines.splice(conflictAt, 1)
    writeFileSync(golden(), `${lines.join('\n')}\n`)
    try {
      const r = runCli(dir, 'check', 'demo.yaml', '--fixtures', 'fx')
      expect(r.code, r.stderr).toBe(1)
      expect(r.stdout).toContain('1 added, 0 removed, 1 changed')
      expect(r.stdout).toMatch(/信息不一致 conflict: \+1 −0 ~0/)
      expect(r.stdout).toContain(`+ ${removed.split(',')[0]}`)
      expect(r.stdout).toMatch(/身份证号错误 invalid-id: \+0 −0 ~1/)
      expect(r.stdout).toContain('community 410105001099 →')
      expect(r.stdout).toContain('--update')
    } finally {
      writeFileSync(golden(), text)
    }
  }, 180_000)

  it('exits 1 naming the check whose floor is missed', () => {
    // 信息不一致 on the demo raises some false cases (README): a precision floor of 1 cannot hold.
    const demoYaml = readFileSync('pipelines/demo.yaml', 'utf8')
    const yaml = demoYaml.replace(
      '    conflict: { precision: 0.9 }\n',
      '    conflict: { precision: 1, recall: 1 }\n',
    )
    expect(yaml).not.toBe(demoYaml)
    writeFileSync(path.join(dir, 'floors.yaml'), yaml)
    const r = runCli(dir, 'check', 'floors.yaml', '--fixtures', 'fx')
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/✗ 信息不一致 conflict: precision 0\.\d{3} < 1/)
    expect(r.stdout).toMatch(/✓ cases match/)
  }, 180_000)

  it('without a golden file says how to make one (exit 2)', () => {
    const empty = path.join(dir, 'fx2')
    mkdirSync(empty)
    for (const f of readdirSync(fixtures).filter((n) => n.includes('2026-10')))
      copyFileSync(path.join(fixtures, f), path.join(empty, f))
    const r = runCli(dir, 'check', 'demo.yaml', '--fixtures', 'fx2')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('CHECK_GOLDEN_NOT_FOUND')
    expect(r.stderr).toContain('--update')
  })
})
