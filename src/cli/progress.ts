import cliProgress from 'cli-progress'

/**
 * A byte-based progress bar on stderr for one file at a time, shown only on a terminal and
 * only for files large enough to be worth watching (about a few thousand rows).
 */
export class FileProgress {
  private bar: cliProgress.SingleBar | null = null
  constructor(
    private readonly enabled: boolean = process.stderr.isTTY === true,
    private readonly minBytes = 512 * 1024,
  ) {}

  start(label: string, bytes: number): void {
    this.stop()
    if (!this.enabled || bytes < this.minBytes) return
    this.bar = new cliProgress.SingleBar(
      {
        format: `  {label} |{bar}| {percentage}% · {rows} rows · {eta_formatted} left`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    )
    this.bar.start(bytes, 0, { label, rows: 0 })
  }

  update(bytesDone: number, rows: number): void {
    this.bar?.update(bytesDone, { rows })
  }

  stop(): void {
    this.bar?.stop()
    this.bar = null
  }
}
