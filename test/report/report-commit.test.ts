import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { beginReportCommit, recoverReportCommits, relocatePaths } from '../../src/report/report-commit.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** reports/2026-10 holding last run's files and a file bidui did not write. */
function reportsWithOldRun(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bidui-commit-'))
  dirs.push(root)
  mkdirSync(path.join(root, '2026-10'))
  for (const f of ['cases.csv', 'summary.json', 'notes-by-officer.txt'])
    writeFileSync(path.join(root, '2026-10', f), `old ${f}`)
  return root
}
function stageNewRun(root: string) {
  const commit = beginReportCommit(root, '2026-10')
  for (const f of ['cases.csv', 'summary.json', path.join('sheets', '文化路社区.html')]) {
    mkdirSync(path.dirname(path.join(commit.staging, f)), { recursive: true })
    writeFileSync(path.join(commit.staging, f), `new ${f}`)
  }
  return commit
}
/** Every file under `dir` with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (sub: string) => {
    for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, e.name)
      if (e.isDirectory()) walk(rel)
      else out[rel] = readFileSync(path.join(dir, rel), 'utf8')
    }
  }
  walk('')
  return out
}
const oldRun = {
  '2026-10/cases.csv': 'old cases.csv',
  '2026-10/summary.json': 'old summary.json',
  '2026-10/notes-by-officer.txt': 'old notes-by-officer.txt',
}
const newRun = {
  '2026-10/cases.csv': 'new cases.csv',
  '2026-10/summary.json': 'new summary.json',
  '2026-10/sheets/文化路社区.html': `new ${path.join('sheets', '文化路社区.html')}`,
  '2026-10/notes-by-officer.txt': 'old notes-by-officer.txt',
}

describe('report commit', () => {
  it('moves every staged file over the reports, keeps files it did not write, and leaves nothing behind', () => {
    const root = reportsWithOldRun()
    const commit = stageNewRun(root)
    commit.prepare()
    expect(tree(root)['2026-10/cases.csv']).toBe('old cases.csv')
    commit.apply()
    expect(tree(root)).toEqual(newRun)
    expect(existsSync(path.join(root, '.bidui-staging'))).toBe(false)
  })

  it('discards on recovery what a run staged but never prepared (killed while writing)', async () => {
    const root = reportsWithOldRun()
    stageNewRun(root)
    const r = await recoverReportCommits(root, async () => true)
    expect(r).toEqual({ rolledForward: 0, rolledBack: 1 })
    expect(tree(root)).toEqual(oldRun)
  })

  it('rolls a prepared commit back when the store does not hold its token (killed before the store commit)', async () => {
    const root = reportsWithOldRun()
    const commit = stageNewRun(root)
    commit.prepare()
    const asked: string[] = []
    const r = await recoverReportCommits(root, async (token) => {
      asked.push(token)
      return false
    })
    expect(asked).toEqual([commit.token])
    expect(r).toEqual({ rolledForward: 0, rolledBack: 1 })
    expect(tree(root)).toEqual(oldRun)
  })

  it('rolls a half-applied commit forward when the store holds its token (killed while moving files)', async () => {
    const root = reportsWithOldRun()
    const commit = stageNewRun(root)
    commit.prepare()
    expect(() =>
      commit.apply(() => {
        throw new Error('killed')
      }),
    ).toThrow('killed')
    const mixed = tree(root)
    expect(mixed['2026-10/cases.csv']).toBe('new cases.csv')
    expect(mixed['2026-10/summary.json']).toBe('old summary.json')
    const r = await recoverReportCommits(root, async (token) => token === commit.token)
    expect(r).toEqual({ rolledForward: 1, rolledBack: 0 })
    expect(tree(root)).toEqual(newRun)
  })

  it('names the files where they end up in a summary, whatever its shape', () => {
    const from = path.join('r', '.bidui-staging', '2026-10-abc')
    const to = path.join('r', '2026-10')
    const summary = {
      dir: from,
      all: path.join(from, 'cases.csv'),
      perCheck: [{ checkId: 'x', file: path.join(from, 'cases-x.csv') }],
      other: `${from}-not-a-child`,
      n: 3,
    }
    expect(relocatePaths(summary, from, to)).toEqual({
      dir: to,
      all: path.join(to, 'cases.csv'),
      perCheck: [{ checkId: 'x', file: path.join(to, 'cases-x.csv') }],
      other: `${from}-not-a-child`,
      n: 3,
    })
  })
})
