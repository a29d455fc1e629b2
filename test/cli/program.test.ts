import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-program-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The `$ bidui …` lines of the top-level help's "Typical month" section, without the `$ bidui `. */
function typicalMonth(help: string): string[] {
  const section = help.slice(help.indexOf('Typical month:'))
  const end = section.indexOf('\n\n')
  return (end < 0 ? section : section.slice(0, end))
    .split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/^\$ bidui /, ''))
}

describe('bidui --help', () => {
  it('walks a typical month through link, export, train and linking with a saved model', () => {
    const r = runCli(dir, '--help')
    expect(r.code).toBe(0)
    const lines = typicalMonth(r.stdout)
    const commands = lines.map((line) =>
      line
        .split(' ')
        .slice(0, line.startsWith('export ') ? 2 : 1)
        .join(' '),
    )
    expect(commands).toEqual([
      'validate',
      'ingest',
      'blocking',
      'link',
      'export pairs',
      'export persons',
      'train',
      'link',
    ])
    expect(lines.at(-1)).toContain('--model models/demo.json')
  })

  it('uses only options each command documents in its own --help', () => {
    const lines = typicalMonth(runCli(dir, '--help').stdout)
    for (const line of lines) {
      const command = line.split(' ')[0] as string
      const help = runCli(dir, command, '--help')
      expect(help.code, line).toBe(0)
      for (const option of line.match(/--[a-z-]+/g) ?? [])
        expect(help.stdout, `${line}: ${option}`).toContain(option)
    }
  })
})
