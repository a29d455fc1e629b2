/**
 * Reads a 1,000,000-row, 10-column CSV export through readCsv, in UTF-8 and in GBK, and prints
 * rows/s and the reading process's peak RSS. Targets: ≥ 400,000 rows/s for UTF-8, not much less
 * for GBK, RSS well under 300 MB. One row in 500 has a quoted cell (a comma inside an address),
 * as Excel writes them, so papaparse's quote-aware path is measured, not only its split() path.
 *
 * Each file is read in a child process so its peak RSS excludes the generator's.
 *
 * Run: npx tsc --module nodenext --target es2022 --skipLibCheck --outDir node_modules/.cache/bench \
 *        bench/read-csv.bench.ts && node node_modules/.cache/bench/bench/read-csv.bench.js
 */
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import iconv from 'iconv-lite'
import { readCsv } from '../src/ingest/read-csv.js'

const rowCount = 1_000_000
const header = '公民身份号码,姓名,性别,出生日期,民族,户籍地址,联系电话,户号,与户主关系,备注'
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜']
const given = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬建国志海燕雪梅晓东俊子轩浩然欣怡',
]
const relations = ['户主', '配偶', '子', '女', '父亲', '母亲', '孙子']

// A seeded linear congruential generator keeps the file identical from run to run.
let seed = 20240501
function next(n: number): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed % n
}

function pick<T>(list: readonly T[]): T {
  return list[next(list.length)] as T
}

function makeRow(i: number): string {
  const two = (n: number) => String(1 + next(n)).padStart(2, '0')
  const birth = `${1940 + next(80)}-${two(12)}-${two(28)}`
  const id = `410105${birth.replaceAll('-', '')}${String(next(1000)).padStart(3, '0')}${next(10)}`
  const name = pick(surnames) + pick(given) + (next(10) < 7 ? pick(given) : '')
  let address = `河南省郑州市金水区${pick(given)}${pick(given)}路${1 + next(300)}号${1 + next(30)}号楼${1 + next(6)}单元`
  if (i % 500 === 0) address = `"${address},${1 + next(30)}室"`
  const phone = `1${3 + next(6)}${String(next(1e9)).padStart(9, '0')}`
  const household = String(next(1e6)).padStart(9, '0')
  const sex = next(2) ? '男' : '女'
  return `${id},${name},${sex},${birth},汉族,${address},${phone},${household},${pick(relations)},`
}

async function writeFile(path: string, gbk: boolean): Promise<void> {
  const out = createWriteStream(path)
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(gbk ? iconv.encode(text, 'gbk') : text, (e) => (e ? reject(e) : resolve())),
    )
  seed = 20240501
  await write(`${gbk ? '' : '\uFEFF'}${header}\r\n`)
  for (let i = 1; i <= rowCount; i += 10_000) {
    const lines: string[] = []
    for (let j = i; j < i + 10_000 && j <= rowCount; j++) lines.push(makeRow(j))
    await write(`${lines.join('\r\n')}\r\n`)
  }
  await new Promise<void>((resolve) => out.end(resolve))
}

async function readAll(path: string): Promise<void> {
  const started = performance.now()
  const table = await readCsv(path)
  let rows = 0
  let problems = 0
  for await (const batch of table.batches) {
    rows += batch.length
    for (const row of batch) if ('problem' in row) problems++
  }
  const seconds = (performance.now() - started) / 1000
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(
    `${table.header.encoding.padEnd(8)} ${(table.bytes / 1e6).toFixed(0)} MB  ` +
      `${rows} rows (${problems} problems)  ${seconds.toFixed(2)} s  ` +
      `${Math.round(rows / seconds).toLocaleString('en')} rows/s  peak RSS ${rss.toFixed(0)} MB`,
  )
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2)
  if (mode === 'read' && path) return readAll(path)
  const dir = await mkdtemp(join(tmpdir(), 'bidui-bench-'))
  try {
    for (const gbk of [false, true]) {
      const file = join(dir, gbk ? 'gbk.csv' : 'utf8.csv')
      await writeFile(file, gbk)
      console.log(`wrote ${file} (${((await stat(file)).size / 1e6).toFixed(0)} MB)`)
      for (let run = 0; run < 2; run++) {
        execFileSync(process.execPath, [process.argv[1] as string, 'read', file], { stdio: 'inherit' })
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
