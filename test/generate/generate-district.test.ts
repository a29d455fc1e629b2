import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasValidCheckChar } from '../../src/domain/resident-id.js'
import { type GenerateSummary, generateDistrict } from '../../src/generate/generate-district.js'
import { discrepancyTypes } from '../../src/generate/true-discrepancy.js'
import { readCsvLines, readTruth, readXlsxRows } from './read-export.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bidui-generate-'))
const demo = { persons: 5000, seed: 20261, period: '2026-10', profile: 'normal', eventMonths: 12 } as const
const dirA = path.join(tmp, 'a')
const dirB = path.join(tmp, 'b')
const dirC = path.join(tmp, 'c')
let summary: GenerateSummary

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const sub of ['', 'truth']) {
    for (const f of readdirSync(path.join(dir, sub)).sort()) {
      if (f === 'truth') continue
      out[path.join(sub, f)] = createHash('sha256')
        .update(readFileSync(path.join(dir, sub, f)))
        .digest('hex')
    }
  }
  return out
}

beforeAll(async () => {
  summary = await generateDistrict({ ...demo, out: dirA })
  await generateDistrict({ ...demo, out: dirB })
  await generateDistrict({ ...demo, seed: 20262, out: dirC })
}, 60_000)

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('generateDistrict', () => {
  it('writes byte-identical files (XLSX included) for the same seed, different ones for another seed', () => {
    const a = hashes(dirA)
    expect(Object.keys(a)).toHaveLength(9 + 4)
    expect(hashes(dirB)).toEqual(a)
    const c = hashes(dirC)
    for (const f of Object.keys(a)) expect(c[f], f).not.toBe(a[f])
  })

  it('contains every defect type in the normal profile at demo size', () => {
    const types = new Set(readTruth(path.join(dirA, 'truth/discrepancies.csv')).map((d) => d.type))
    expect([...types].sort()).toEqual(Object.keys(discrepancyTypes).sort())
    for (const [t, n] of Object.entries(summary.truth.discrepancies)) expect(n, t).toBeGreaterThan(0)
  })

  it('gives every person in the truth a valid 18-character resident ID', () => {
    const records = readTruth(path.join(dirA, 'truth/records.csv'))
    expect(records.length).toBe(summary.truth.records)
    for (const r of records)
      expect(hasValidCheckChar(r.true_resident_id ?? ''), r.true_resident_id).toBe(true)
  })

  it('references real lines: well-formed rows have the header’s column count, malformed ones do not', async () => {
    const records = readTruth(path.join(dirA, 'truth/records.csv'))
    const files = new Map<string, string[][]>()
    for (const f of new Set(records.map((r) => r.file as string))) {
      const full = path.join(dirA, f)
      files.set(
        f,
        f.endsWith('.xlsx')
          ? (await readXlsxRows(full)).map((r) => [r.join(',')])
          : readCsvLines(full).map((l) => [l]),
      )
    }
    let malformed = 0
    for (const r of records) {
      const lines = files.get(r.file as string) as string[][]
      const line = Number(r.line)
      expect(line, `${r.file}:${r.line}`).toBeGreaterThan(1)
      expect(line).toBeLessThanOrEqual(lines.length)
      if (r.file?.endsWith('.xlsx')) continue
      const header = (lines[0]?.[0] ?? '').split(',').length
      const cells = (lines[line - 1]?.[0] ?? '').split(',').length
      const hasQuote = (lines[line - 1]?.[0] ?? '').includes('"')
      if (r.malformed === '1') {
        malformed++
        expect(cells !== header || hasQuote, `${r.file}:${r.line}`).toBe(true)
      } else expect(cells, `${r.file}:${r.line}`).toBe(header)
    }
    expect(malformed).toBeGreaterThan(0)
    expect(malformed).toBe(summary.truth.malformed)
  })

  it('puts the true person behind police snapshot rows (IDs agree apart from noise)', () => {
    const file = 'police-snapshot-2026-10.csv'
    const lines = readCsvLines(path.join(dirA, file))
    const records = readTruth(path.join(dirA, 'truth/records.csv')).filter(
      (r) => r.file === file && r.malformed === '0',
    )
    const same = records.filter((r) => lines[Number(r.line) - 1]?.split(',')[6] === r.true_resident_id).length
    expect(same / records.length).toBeGreaterThan(0.97)
  })

  it('lists pairs of well-formed records of one person, each pair once, left side first', () => {
    const records = readTruth(path.join(dirA, 'truth/records.csv'))
    const person = new Map(records.map((r) => [`${r.file},${r.line},${r.role}`, r]))
    const pairs = readFileSync(path.join(dirA, 'truth/pairs.csv'), 'utf8').trimEnd().split('\n').slice(1)
    expect(pairs.length).toBe(summary.truth.pairs)
    expect(new Set(pairs).size).toBe(pairs.length)
    for (const p of pairs) {
      const c = p.split(',')
      const l = person.get(c.slice(0, 3).join(','))
      const r = person.get(c.slice(3, 6).join(','))
      expect(l?.person_id).toBe(c[6])
      expect(r?.person_id).toBe(c[6])
      expect(l?.malformed).toBe('0')
      expect(r?.malformed).toBe('0')
    }
  })

  it('references discrepancy records that exist, with the register record first', () => {
    const keys = new Set(
      readTruth(path.join(dirA, 'truth/records.csv')).map((r) => `${r.file}:${r.line}:${r.role}`),
    )
    for (const d of readTruth(path.join(dirA, 'truth/discrepancies.csv'))) {
      const refs = (d.records ?? '').split(' ')
      expect(refs.length, d.id).toBeGreaterThan(0)
      for (const ref of refs) expect(keys.has(ref), `${d.id} ${ref}`).toBe(true)
      if (d.type === 'duplicate') expect(refs.filter((r) => r.startsWith('register-persons')).length).toBe(2)
      if (d.type?.startsWith('missing-')) {
        const inRegister = refs.some((r) => r.startsWith('register-persons'))
        expect(inRegister, d.id).toBe(d.detail === 'still-unmarried')
      }
    }
  })

  it('records the noise it applied per file in manifest.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(dirA, 'manifest.json'), 'utf8'))
    const register = manifest.noiseObserved['register-persons-2026-10.csv']
    expect(register.nameHomophone.eligible).toBeGreaterThan(4000)
    expect(register.nameHomophone.applied).toBeGreaterThan(0)
    expect(manifest.noiseRates.register.nameHomophone).toBe(0.02)
  })

  it('shows the register’s own noise in its file at the configured rates', () => {
    const lines = readCsvLines(path.join(dirA, 'register-persons-2026-10.csv')).slice(1)
    const ids = lines.map((l) => l.split(',')[2] ?? '')
    const xs = ids.filter((id) => /[xX]$/.test(id))
    const lower = xs.filter((id) => id.endsWith('x')).length
    const p = 0.3
    expect(Math.abs(lower - xs.length * p)).toBeLessThan(5 * Math.sqrt(xs.length * p * (1 - p)))
    const chineseDates = lines.filter((l) => /,\d{4}年\d{1,2}月\d{1,2}日,/.test(l)).length
    expect(chineseDates / lines.length).toBeGreaterThan(0.05)
    expect(chineseDates / lines.length).toBeLessThan(0.25)
  })
})
