import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from './write-atomic.js'

/**
 * A run's reports appear together or not at all. They are written into a staging folder,
 * <reports>/.bidui-staging/<period>-<token>/, listed in a journal beside it
 * (<period>-<token>.commit.json), and moved over reports/<period>/ by renames once the store has
 * committed the run. The store decides: the run's row carries the token, so after a kill the
 * next run completes a journal whose token the store holds (roll forward) and discards one it
 * does not (roll back). A kill therefore never leaves a mix for longer than until the next run.
 *
 * Order in `bidui run`: stage the reports, write the journal, commit the store (with the token),
 * move the files, remove the journal.
 */
export interface ReportCommit {
  readonly token: string
  /** Where the run writes its reports (instead of reports/<period>/). */
  readonly staging: string
  /** reports/<period>/: where the files end up. */
  readonly target: string
  /** A path under `staging` as it will be once committed. */
  finalPath(staged: string): string
  /** Lists the staged files in the journal and syncs everything to disk. From here the store decides. */
  prepare(): void
  /** Moves every staged file over its target, then removes the staging folder and the journal. */
  apply(afterFirstMove?: () => void): void
  /** Removes the staging folder and the journal: the store did not commit. */
  discard(): void
}

/** The journal: which staged files go where. Paths are relative (to the staging folder and the target). */
interface Journal {
  readonly token: string
  readonly period: string
  readonly files: readonly string[]
}

const stagingFolder = '.bidui-staging'

export function beginReportCommit(reportsRoot: string, period: string): ReportCommit {
  const token = randomBytes(6).toString('hex')
  const root = path.join(reportsRoot, stagingFolder)
  const staging = path.join(root, `${period}-${token}`)
  const journal = `${staging}.commit.json`
  const target = path.join(reportsRoot, period)
  mkdirSync(staging, { recursive: true })
  return {
    token,
    staging,
    target,
    finalPath: (staged) => path.join(target, path.relative(staging, staged)),
    prepare() {
      const files = listFiles(staging)
      for (const f of files) syncFile(path.join(staging, f))
      syncDirs(staging, files)
      writeFileAtomic(journal, `${JSON.stringify({ token, period, files } satisfies Journal)}\n`)
      syncFile(journal)
      syncFile(root)
    },
    apply: (afterFirstMove) => applyJournal(root, journal, afterFirstMove),
    discard: () => discardCommit(root, staging, journal),
  }
}

/**
 * Completes or discards what killed runs left under <reports>/.bidui-staging/: a journal whose
 * token `committed` confirms is applied, any other journal and every staging folder without a
 * journal are removed. Call it where no other run can be writing reports (inside the run's
 * store transaction: SQLite's write lock makes runs take turns).
 */
export async function recoverReportCommits(
  reportsRoot: string,
  committed: (token: string) => Promise<boolean>,
): Promise<{ readonly rolledForward: number; readonly rolledBack: number }> {
  const root = path.join(reportsRoot, stagingFolder)
  if (!existsSync(root)) return { rolledForward: 0, rolledBack: 0 }
  let rolledForward = 0
  let rolledBack = 0
  for (const name of readdirSync(root)) {
    if (!name.endsWith('.commit.json')) continue
    const journalFile = path.join(root, name)
    const journal = readJournal(journalFile)
    const staging = journalFile.slice(0, -'.commit.json'.length)
    if (journal !== undefined && (await committed(journal.token))) {
      applyJournal(root, journalFile)
      rolledForward++
    } else {
      discardCommit(root, staging, journalFile)
      rolledBack++
    }
  }
  // Folders with no journal were never prepared; leftovers of writeFileAtomic (*.tmp) too.
  if (existsSync(root)) {
    for (const name of readdirSync(root)) {
      if (name.endsWith('.commit.json')) continue
      rmSync(path.join(root, name), { recursive: true, force: true })
      rolledBack++
    }
  }
  removeIfEmpty(root)
  return { rolledForward, rolledBack }
}

function readJournal(file: string): Journal | undefined {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Journal
    return typeof j.token === 'string' && Array.isArray(j.files) ? j : undefined
  } catch {
    // Written by rename, so never half; unreadable means damaged by hand: not applied.
    return undefined
  }
}

function applyJournal(root: string, journalFile: string, afterFirstMove?: () => void): void {
  const journal = readJournal(journalFile)
  if (journal === undefined) throw new Error(`bug: unreadable report journal ${journalFile}`)
  const staging = journalFile.slice(0, -'.commit.json'.length)
  const target = path.join(path.dirname(root), journal.period)
  let moved = 0
  for (const f of journal.files) {
    const from = path.join(staging, f)
    const to = path.join(target, f)
    // A file already moved by an earlier, interrupted apply is not in staging any more.
    if (!existsSync(from)) continue
    mkdirSync(path.dirname(to), { recursive: true })
    renameSync(from, to)
    if (moved++ === 0) afterFirstMove?.()
  }
  syncDirs(target, journal.files)
  rmSync(staging, { recursive: true, force: true })
  rmSync(journalFile, { force: true })
  removeIfEmpty(root)
}

function discardCommit(root: string, staging: string, journalFile: string): void {
  // The journal first: without it a leftover staging folder is only garbage.
  rmSync(journalFile, { force: true })
  rmSync(staging, { recursive: true, force: true })
  removeIfEmpty(root)
}

/** Files under `dir`, relative, sorted; temporary files of unfinished writes left out. */
function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (sub: string) => {
    for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? e.name : path.join(sub, e.name)
      if (e.isDirectory()) walk(rel)
      else if (!e.name.endsWith('.tmp')) out.push(rel)
    }
  }
  walk('')
  return out.sort()
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir)
  } catch {
    // Not empty (another period's commit) or already gone.
  }
}

/** fsync a file or folder: a kill needs none of this, a power cut does. */
function syncFile(file: string): void {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    fsyncSync(fd)
  } catch {
    // Folders cannot be opened for sync on every platform (Windows); best effort.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function syncDirs(base: string, files: readonly string[]): void {
  for (const d of new Set(files.map((f) => path.dirname(path.join(base, f))))) syncFile(d)
}

/**
 * `value` with every string path under `from` moved under `to`: a run's summary names the
 * files where they end up, not where they were staged (whatever fields the reports add).
 */
export function relocatePaths<T>(value: T, from: string, to: string): T {
  const move = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v === from || v.startsWith(`${from}${path.sep}`) ? to + v.slice(from.length) : v
    if (Array.isArray(v)) return v.map(move)
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]))
    return v
  }
  return move(value) as T
}
