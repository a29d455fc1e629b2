/// <reference lib="dom" />
import { type ChildProcess, spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryStore } from '../support/query-store.js'
import { runCli } from '../support/run-cli.js'

// The whole review loop in Debian's chromium: bidui run on the demo month, bidui serve on its
// store, a reviewer filters, opens a case, decides it in the page, reloads, and the next
// bidui run honours the decision. Screenshots go to docs/screenshots when BIDUI_SCREENSHOTS=1.
const chromiumPath = '/usr/bin/chromium'
const haveChromium = existsSync(chromiumPath)
if (!haveChromium) console.warn(`serve e2e skipped: no ${chromiumPath} (apt-get install -y chromium)`)
const demo = path.resolve('fixtures/demo')
const token = 'e2e-token-0123456789'
let dir: string
let server: ChildProcess | undefined
let browser: Browser | undefined
let base = ''

const run = () => {
  const r = runCli(dir, 'run', 'demo.yaml', '--period', '2026-10', '--db', 'x.db')
  expect(r.code, r.stderr).toBe(0)
}
const listedKeys = () =>
  Papa.parse<string[]>(
    readFileSync(path.join(dir, 'reports/2026-10/cases.csv'), 'utf8').replace(/^\uFEFF/, ''),
    {
      skipEmptyLines: true,
    },
  )
    .data.slice(1)
    .map((r) => r[0] as string)

async function startServe(): Promise<void> {
  const child = spawn(
    process.execPath,
    [path.resolve('dist/src/cli/main.js'), 'serve', '--db', 'x.db', '--port', '0'],
    {
      cwd: dir,
      env: { ...process.env, BIDUI_TOKEN: token, NO_COLOR: '1' },
    },
  )
  server = child
  base = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=/.exec(out)
      if (m) resolve(m[1] as string)
    })
    child.once('exit', (code) => reject(new Error(`bidui serve exited ${code}`)))
  })
}
async function stopServe(): Promise<void> {
  const child = server
  if (child === undefined || child.exitCode !== null) return
  await new Promise<void>((r) => {
    child.once('exit', () => r())
    child.kill('SIGTERM')
  })
}

beforeAll(async () => {
  if (!haveChromium) return
  dir = mkdtempSync(path.join(tmpdir(), 'bidui-serve-e2e-'))
  for (const f of readdirSync(demo).filter((n) => n.includes('2026-10')))
    copyFileSync(path.join(demo, f), path.join(dir, f))
  writeFileSync(
    path.join(dir, 'demo.yaml'),
    readFileSync(path.resolve('pipelines/demo.yaml'), 'utf8').replaceAll("'../fixtures/demo/", "'./"),
  )
  run()
  await startServe()
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await stopServe()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!haveChromium)('bidui serve in headless chromium', () => {
  it('refuses a request without the token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect((await fetch(`${base}/api/cases`)).status).toBe(401)
  })

  it('overview → filter → case → decide → reload shows it → next run honours it', async () => {
    const context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const foreign: string[] = []
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(base)) return route.continue()
      foreign.push(route.request().url())
      return route.abort()
    })
    const shots = process.env.BIDUI_SCREENSHOTS === '1'
    await page.goto(`${base}/?token=${token}`)
    await page.locator('.kpi').first().waitFor()
    await page.waitForFunction(
      () => ((document.querySelector('#trend') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0,
    )
    expect(await page.locator('h2').textContent()).toContain('概览')
    if (shots) await page.screenshot({ path: 'docs/screenshots/serve-overview.png', fullPage: true })
    // The token moved to an HttpOnly cookie and out of the address bar.
    expect(page.url()).not.toContain('token')

    await page.locator('a.kpi', { hasText: '新发现' }).click()
    await page.locator('#case-list tbody tr').first().waitFor()
    const checkOptions = await page
      .locator('#f-check option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''))
    const check = checkOptions[0] as string
    await page.selectOption('#f-check', check)
    await page.waitForFunction(
      (c) =>
        Array.from(document.querySelectorAll('#case-list tbody tr')).every((tr) =>
          (tr as HTMLElement).dataset.key?.startsWith(`${c}:`),
        ),
      check,
    )
    const key = (await page.locator('#case-list tbody tr').first().getAttribute('data-key')) as string
    expect(listedKeys()).toContain(key)
    await page.locator('#case-list tbody tr').first().click()
    await page.locator('#case-reason').waitFor()
    expect(await page.locator('h2').textContent()).toContain(key)
    // The case's records side by side, as the run stored them (IDs masked by the server).
    await page.locator('#records tbody tr').first().waitFor()
    const cells = await page.locator('#records td').allTextContents()
    expect(cells.some((t) => /^\d{6}\*{8}\d{3}[\dX]$/.test(t))).toBe(true)
    expect(cells.filter((t) => /^\d{17}[\dX]$/.test(t))).toEqual([])

    await page.fill('#reviewer', '王芳')
    await page.locator('#reviewer').dispatchEvent('change')
    await page.locator('#note').fill('')
    // A false positive without a note is refused in the page, nothing recorded.
    await page.locator('h2').click()
    await page.keyboard.press('f')
    await page.locator('#toast.error').waitFor()
    await page.fill('#note', '入户核查：两人同名，非同一人')
    await page.locator('h2').click()
    await page.keyboard.press('f')
    await page.waitForFunction(() => document.querySelector('#case-decision')?.textContent === '误报')
    if (shots) await page.screenshot({ path: 'docs/screenshots/serve-case.png', fullPage: true })

    await page.reload()
    await page.locator('#decision-log tbody tr').first().waitFor()
    expect(await page.locator('#case-decision').textContent()).toBe('误报')
    expect(await page.locator('#decision-log').textContent()).toContain('王芳')
    expect(await page.inputValue('#reviewer')).toBe('王芳')
    // A case resting on a scored pair: probability and the server-drawn waterfall; blind mode hides both.
    const [scored] = queryStore<{ case_key: string }>(
      path.join(dir, 'x.db'),
      `select case_key from case_period where period = '2026-10' and status != 'suppressed'
          and json_extract(evidence_detail, '$.match') is not null order by seq limit 1`,
    )
    const scoredKey = (scored as { case_key: string }).case_key
    await page.goto(`${base}/#/case?key=${encodeURIComponent(scoredKey)}&period=2026-10`)
    await page.locator('#records tbody tr').first().waitFor()
    expect(await page.locator('#records thead th').count()).toBeGreaterThanOrEqual(3)
    expect(await page.locator('#probability').textContent()).toMatch(/匹配概率: [01]\.\d{4}/)
    await page.locator('#waterfall svg rect').first().waitFor()
    // Prior, one bar per comparison of the stored model, any term-frequency step, the total.
    const [linkRun] = queryStore<{ model: string }>(
      path.join(dir, 'x.db'),
      "select model from link_run where period = '2026-10'",
    )
    const comparisons = (
      JSON.parse((linkRun as { model: string }).model) as { linkModel: { comparisons: unknown[] } }
    ).linkModel.comparisons.length
    expect(await page.locator('#waterfall svg rect').count()).toBeGreaterThanOrEqual(comparisons + 2)
    if (shots) await page.screenshot({ path: 'docs/screenshots/serve-evidence.png', fullPage: true })
    await page.check('#blind')
    await page.reload()
    await page.locator('#records tbody tr').first().waitFor()
    expect(await page.locator('#score-hidden').textContent()).toContain('—')
    expect(await page.locator('#waterfall').count()).toBe(0)
    expect(await page.locator('#probability').count()).toBe(0)
    await page.uncheck('#blind')
    expect(foreign).toEqual([])
    await context.close()

    const audit = queryStore<{ case_key: string; decision: string; decided_by: string; via: string }>(
      path.join(dir, 'x.db'),
      'select case_key, decision, decided_by, via from case_decision',
    )
    expect(audit).toEqual([{ case_key: key, decision: 'false-positive', decided_by: '王芳', via: 'serve' }])

    await stopServe()
    run()
    const [row] = queryStore<{ status: string; decision: string }>(
      path.join(dir, 'x.db'),
      "select status, decision from case_period where period = '2026-10' and case_key = ?",
      key,
    )
    expect(row).toEqual({ status: 'suppressed', decision: 'false-positive' })
    expect(listedKeys()).not.toContain(key)
  }, 600_000)
})
