import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writePeriodReports } from '../../src/report/write-period-reports.js'
import { scenarioReport, standardChecks } from './report-scenario.js'

const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
if (!hasChromium)
  console.warn(
    `skipping the HTML report browser test: ${chromiumPath} is missing (apt-get install -y chromium; .ci/run does)`,
  )

/** Flags that keep Chromium from phoning home, so any request seen comes from the page. */
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

describe.skipIf(!hasChromium)('summary.html in headless Chromium', () => {
  let dir: string
  let files: { html: string; print: readonly { html: string }[] }
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bidui-html-'))
    const { report, cases } = scenarioReport()
    files = await writePeriodReports(path.join(dir, 'reports', report.period), report, standardChecks, {
      pipeline: report.pipeline,
      county: report.county,
      period: report.period,
      checks: report.counts,
      total: { cases: cases.length, review: 0, noCommunity: 0 },
      idsMasked: true,
    })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('renders every chart as a visible SVG without touching the network', async () => {
    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: chromiumPath,
      args,
      headless: true,
      offline: true,
    })
    const attempted: string[] = []
    try {
      // Every request the pages make is seen here; only file: (the page itself) may proceed.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url())
        const local = url.protocol === 'file:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1'
        if (local) return route.continue()
        attempted.push(url.href)
        return route.abort()
      })
      // The trap works: a request off the machine is seen and refused.
      const probe = await context.newPage()
      await expect(probe.goto('http://example.invalid/probe')).rejects.toThrow()
      await probe.close()
      expect(attempted).toEqual(['http://example.invalid/probe'])
      attempted.length = 0
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' })
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => {
          const svg = f.querySelector('svg')
          const box = svg?.getBoundingClientRect()
          const bars = Array.from(svg?.querySelectorAll('path') ?? []).filter((p) => {
            const b = p.getBoundingClientRect()
            return b.width > 0 && b.height > 0
          }).length
          return {
            id: f.id,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            shapes: bars,
            text: Array.from(svg?.querySelectorAll('text') ?? [])
              .map((t) => t.textContent)
              .join(' '),
          }
        }),
      )
      expect(charts.map((c) => c.id)).toEqual(['chart-per-check', 'chart-per-community', 'chart-weights'])
      for (const c of charts) {
        expect(c.width, c.id).toBeGreaterThan(100)
        expect(c.height, c.id).toBeGreaterThan(100)
        expect(c.shapes, c.id).toBeGreaterThan(3)
      }
      expect(charts[0]?.text).toContain('新婚漏管')
      expect(charts[1]?.text).toContain('文化路社区')
      // The Chinese is drawn with the font embedded in the page (the machine may have none).
      const embedded = await page.evaluate(
        `document.fonts.ready.then(() => [...document.fonts].filter((f) => f.family.includes('Bidui') && f.status === 'loaded').length)`,
      )
      expect(embedded).toBe(1)
      // The hostile name is text on the page, not a script that ran.
      expect(await page.locator('script').count()).toBe(0)
      for (const p of files.print) {
        await page.goto(pathToFileURL(p.html).href, { waitUntil: 'load' })
        expect(await page.locator('script').count()).toBe(0)
        const blocks = await page.$$eval('section.case', (s) =>
          s.map((e) => e.getBoundingClientRect().height),
        )
        for (const h of blocks) expect(h).toBeGreaterThan(50)
      }
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
    expect(attempted).toEqual([])
  }, 120_000)
})
