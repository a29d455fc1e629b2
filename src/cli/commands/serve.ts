import { createServer } from 'node:http'
import type { Command } from 'commander'
import pc from 'picocolors'
import { accessToken } from '../../serve/access-token.js'
import { resolveBindHost } from '../../serve/bind-host.js'
import { requireExistingStore } from '../store-flag.js'

interface ServeFlags {
  db: string
  port: string
  host?: string
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Review cases in the browser: overview, filtered case list, case view with\n' +
        'decisions (the same audit log as bidui decide). Serves 127.0.0.1 only,\n' +
        'and every request needs the access token printed at start.',
    )
    .option('--db <file>', 'the store bidui run wrote', process.env.BIDUI_DB ?? 'bidui.db')
    .option('--port <n>', 'TCP port (0: any free one)', '8377')
    .option('--host <address>', 'interface to listen on; anything but loopback must be given here explicitly')
    .addHelpText(
      'after',
      `
Environment: BIDUI_TOKEN fixes the access token (else a new random one each start);
BIDUI_DB sets the default for --db. Add &lang=en to the URL for English.`,
    )
    .action(async (flags: ServeFlags) => {
      const bind = resolveBindHost(flags.host, flags.host !== undefined)
      requireExistingStore(flags.db, 'Run a month first (bidui run <pipeline> --period YYYY-MM)')
      const [{ openStore }, { serveHandler }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../serve/serve-handler.js'),
      ])
      const store = await openStore(flags.db)
      const token = accessToken(process.env.BIDUI_TOKEN)
      const server = createServer(serveHandler({ db: store.db, token, store: flags.db }))
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(Number(flags.port), bind.host, resolve)
      })
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : Number(flags.port)
      const shownHost = bind.host.includes(':') ? `[${bind.host}]` : bind.host
      if (bind.warn)
        process.stderr.write(
          `${pc.yellow('warning')}: serving ${flags.db} on ${bind.host}, reachable from other machines; anyone with the token can read and decide cases.\n`,
        )
      process.stdout.write(`bidui serve: ${flags.db}\nhttp://${shownHost}:${port}/?token=${token}\n`)
      const stop = () => {
        server.close()
        void store.close().then(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      await new Promise<void>(() => {})
    })
}
