import { closeSync, openSync, writeSync } from 'node:fs'

/** Appends UTF-8 text to a file in 64 KB chunks (small chunks die young, which keeps the garbage collector fast): the truth files run to hundreds of MB at 1 M people. */
export class ChunkedTextWriter {
  lines = 0
  private parts: string[] = []
  private pending = 0
  private readonly fd: number

  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }

  /** Writes one line (a newline is added). */
  line(text: string): void {
    this.lines++
    this.parts.push(text, '\n')
    this.pending += text.length + 1
    if (this.pending >= 1 << 16) this.flush()
  }

  private flush(): void {
    if (this.parts.length === 0) return
    writeSync(this.fd, Buffer.from(this.parts.join(''), 'utf8'))
    this.parts = []
    this.pending = 0
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}
