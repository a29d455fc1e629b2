import type { Role } from '../domain/record-kind.js'
import { roles } from '../domain/record-kind.js'

/**
 * Every person record written, as (file, line, role, person, malformed), in compact growable
 * typed arrays: a million-person run writes several million records.
 */
export class RecordLog {
  readonly files: string[] = []
  size = 0
  file = new Uint8Array(1 << 16)
  line = new Int32Array(1 << 16)
  role = new Uint8Array(1 << 16)
  person = new Int32Array(1 << 16)
  malformed = new Uint8Array(1 << 16)

  /** Registers a file name; returns its index. */
  addFile(name: string): number {
    this.files.push(name)
    return this.files.length - 1
  }

  add(file: number, line: number, role: Role, person: number, malformed: boolean): void {
    if (this.size === this.line.length) this.grow()
    const i = this.size++
    this.file[i] = file
    this.line[i] = line
    this.role[i] = roles.indexOf(role)
    this.person[i] = person
    this.malformed[i] = malformed ? 1 : 0
  }

  private grow(): void {
    const n = this.line.length * 2
    const f = new Uint8Array(n)
    f.set(this.file)
    this.file = f
    const l = new Int32Array(n)
    l.set(this.line)
    this.line = l
    const r = new Uint8Array(n)
    r.set(this.role)
    this.role = r
    const p = new Int32Array(n)
    p.set(this.person)
    this.person = p
    const m = new Uint8Array(n)
    m.set(this.malformed)
    this.malformed = m
  }
}
