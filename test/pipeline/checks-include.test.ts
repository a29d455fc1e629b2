import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PipelineInvalidError } from '../../src/errors/pipeline-errors.js'
import { loadPipeline } from '../../src/pipeline/load-pipeline.js'

const dir = mkdtempSync(path.join(tmpdir(), 'bidui-include-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const demoText = readFileSync('pipelines/demo.yaml', 'utf8')
const monthly = parse(readFileSync('pipelines/monthly.yaml', 'utf8')) as {
  checks: { id: string; name: string }[]
}

/** The demo pipeline with its checks section replaced, written into the temp folder. */
function demoWithChecks(checks: string, name = 'county.yaml'): string {
  const at = demoText.indexOf('\nchecks:')
  const file = path.join(dir, name)
  writeFileSync(file, `${demoText.slice(0, at)}\n${checks}`)
  return file
}

function problems(file: string): string[] {
  try {
    loadPipeline(file)
  } catch (e) {
    if (e instanceof PipelineInvalidError)
      return e.issues.map((i) => `${path.basename(i.where.file)}:${i.where.line} ${i.message}`)
    throw e
  }
  return []
}

describe('checks: { include }', () => {
  it('gives the demo the standard checks of monthly.yaml in order, its own floors merged in', () => {
    const p = loadPipeline('pipelines/demo.yaml')
    expect(p.checks.map((c) => c.name)).toEqual(monthly.checks.map((c) => c.name))
    const floors = Object.fromEntries(p.checks.map((c) => [c.id, c.floors]))
    expect(floors.invalid).toBeUndefined()
    expect(floors['invalid-id']).toEqual({ precision: 0.95, recall: 0.98 })
    expect(floors['missing-newlywed']).toEqual({ precision: 0.6, recall: 0.98 })
  })

  it('finds bidui’s standard monthly.yaml for a pipeline copied to another folder', () => {
    const file = demoWithChecks('checks: { include: monthly.yaml }\n')
    expect(loadPipeline(file).checks).toHaveLength(8)
  })

  it('prefers a checks file beside the pipeline, and locates its problems in that file', () => {
    writeFileSync(
      path.join(dir, 'monthly.yaml'),
      'checks:\n  - id: dup\n    name: 重复建档\n    label: duplicate\n    kind: duplicate\n    of: { sources: [register-peeps] }\n',
    )
    try {
      const file = demoWithChecks('checks: { include: monthly.yaml }\n')
      expect(problems(file)).toEqual(['monthly.yaml:6 no source is named "register-peeps"'])
    } finally {
      rmSync(path.join(dir, 'monthly.yaml'))
    }
  })

  it('locates a missing file, an unknown key and floors of an undeclared check in the pipeline', () => {
    // The line of `checks:` in the written file.
    const line = demoText.slice(0, demoText.indexOf('\nchecks:')).split('\n').length + 1
    expect(problems(demoWithChecks('checks:\n  include: weekly.yaml\n'))).toEqual([
      `county.yaml:${line + 1} no checks file weekly.yaml beside the pipeline nor among bidui's standard pipelines/`,
    ])
    expect(problems(demoWithChecks('checks:\n  include: monthly.yaml\n  extends: x\n'))).toEqual([
      `county.yaml:${line + 2} unknown key "extends"`,
    ])
    expect(
      problems(demoWithChecks('checks:\n  include: monthly.yaml\n  floors:\n    new-check: { recall: 1 }\n')),
    ).toEqual([`county.yaml:${line + 3} pipelines/monthly.yaml declares no check "new-check"`])
  })
})
