import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

/** The compiled CLI, as users run it (`npm test` builds dist/ first). */
const cli = path.resolve('dist/src/cli/main.js')

/** Runs `bidui ...args` in `cwd` without colour; stdout is plain text for comparisons. */
export function runCli(
  cwd: string,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { code: r.status, stdout: stripVTControlCharacters(r.stdout), stderr: r.stderr }
}
