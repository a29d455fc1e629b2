import { dayNumber, dayParts } from '../domain/day-number.js'
import type { Rng } from './create-rng.js'
import { type DateFormat, dateFormats, formatDate } from './format-date.js'
import { homophoneGroups } from './homophone-groups.js'
import { nearFormGroups } from './near-form-groups.js'
import type { SourceNoise } from './noise-profiles.js'
import { traditionalVariants } from './traditional-variants.js'

/** How often one kind of noise was possible and how often it was applied, in one file. */
export interface NoiseCount {
  eligible: number
  applied: number
}

/** What the last call changed in meaning (not only in form); '' when nothing. */
export type SemanticNoise =
  | ''
  | 'homophone'
  | 'near-form'
  | 'digit-typo'
  | 'transposition'
  | 'missing'
  | 'excel-truncated'
  | 'day-month-swap'
  | 'wrong-date'
  | 'wrong-sex'

const alternatives = buildAlternatives()

const noiseKinds = [
  'nameHomophone',
  'nameNearForm',
  'nameTraditional',
  'nameSpace',
  'nameMinorityDot',
  'idDigitTypo',
  'idTransposition',
  'idFullWidth',
  'idLowercaseX',
  'idSpaces',
  'idLegacy15',
  'idMissing',
  'idExcelTruncated',
  'dateDayMonthSwap',
  'dateWrong',
  'dateOtherFormat',
  'sexWrong',
  'valueMissing',
  'addressVariant',
  'malformedRow',
] as const satisfies readonly (keyof SourceNoise)[]
const K = Object.fromEntries(noiseKinds.map((k, i) => [k, i])) as Record<(typeof noiseKinds)[number], number>

/**
 * Applies one export's noise rates to the values it writes and counts what it did. Pure given
 * its Rng. After each call `semantic` says whether the value's meaning changed (the register
 * writer turns those into discrepancies) and `day` holds the date actually written.
 */
export class SourceNoiser {
  semantic: SemanticNoise = ''
  day = 0
  private readonly rateOf: Float64Array
  private readonly eligibleOf: Float64Array
  private readonly appliedOf: Float64Array

  constructor(
    readonly rates: SourceNoise,
    private readonly rng: Rng,
  ) {
    this.rateOf = Float64Array.from(noiseKinds, (k) => rates[k])
    this.eligibleOf = new Float64Array(noiseKinds.length)
    this.appliedOf = new Float64Array(noiseKinds.length)
  }

  /** Per kind of noise: how often it could apply and how often it did. */
  get counts(): Record<string, NoiseCount> {
    const out: Record<string, NoiseCount> = {}
    noiseKinds.forEach((k, i) => {
      if (this.eligibleOf[i])
        out[k] = { eligible: this.eligibleOf[i] as number, applied: this.appliedOf[i] as number }
    })
    return out
  }

  // Kinds are indexed (see noiseKinds) so the hot path does no keyed property lookups.
  private roll(kind: number, eligible = true): boolean {
    if (!eligible) return false
    this.eligibleOf[kind] = (this.eligibleOf[kind] as number) + 1
    const hit = this.rng.next() < (this.rateOf[kind] as number)
    if (hit) this.appliedOf[kind] = (this.appliedOf[kind] as number) + 1
    return hit
  }

  /** A person's name as this source writes it. */
  name(name: string): string {
    this.semantic = ''
    let out = name
    const swappable = [...name]
      .map((ch, i) => (alternatives.homophone.has(ch) ? i : -1))
      .filter((i) => i >= 0)
    if (this.roll(K.nameHomophone, swappable.length > 0)) {
      // Given-name characters are five times likelier to be mistyped than the surname.
      const weighted = swappable.flatMap((i) => (i === 0 ? [i] : [i, i, i, i, i]))
      out = replaceAt(out, this.rng.pick(weighted), (ch) =>
        this.rng.pick(alternatives.homophone.get(ch) ?? [ch]),
      )
      this.semantic = 'homophone'
    } else {
      const lookAlike = [...name]
        .map((ch, i) => (alternatives.nearForm.has(ch) ? i : -1))
        .filter((i) => i >= 0)
      if (this.roll(K.nameNearForm, lookAlike.length > 0)) {
        out = replaceAt(out, this.rng.pick(lookAlike), (ch) =>
          this.rng.pick(alternatives.nearForm.get(ch) ?? [ch]),
        )
        this.semantic = 'near-form'
      }
    }
    if (
      this.roll(
        K.nameTraditional,
        [...out].some((ch) => traditionalVariants.has(ch)),
      )
    ) {
      out = [...out].map((ch) => traditionalVariants.get(ch) ?? ch).join('')
    }
    if (this.roll(K.nameMinorityDot, out.includes('·')))
      out = out.replace('·', this.rng.pick(['•', '.', '・', '－', '']))
    if (this.roll(K.nameSpace)) {
      const at = 1 + this.rng.int(Math.max(1, out.length - 1))
      out = this.rng.chance(0.3)
        ? `${out} `
        : `${out.slice(0, at)}${this.rng.chance(0.5) ? ' ' : '\u3000'}${out.slice(at)}`
    }
    return out
  }

  /** An 18-character ID as written; `csv` allows Excel's truncation. */
  residentId(id: string, birth: number, csv: boolean): string {
    this.semantic = ''
    if (this.roll(K.idMissing)) {
      this.semantic = 'missing'
      return ''
    }
    if (this.roll(K.idExcelTruncated, csv)) {
      this.semantic = 'excel-truncated'
      return `${id.slice(0, 15)}000`
    }
    let out = id
    if (this.roll(K.idDigitTypo)) {
      const i = this.rng.int(17)
      const old = out.charCodeAt(i) - 48
      out = out.slice(0, i) + String((old + 1 + this.rng.int(9)) % 10) + out.slice(i + 1)
      this.semantic = 'digit-typo'
    } else if (this.roll(K.idTransposition)) {
      const i = this.rng.int(17)
      if (out[i] !== out[i + 1]) {
        out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2)
        this.semantic = 'transposition'
      }
    }
    if (this.semantic === '' && this.roll(K.idLegacy15, birth < dayNumber(1980, 1, 1))) {
      out = out.slice(0, 6) + out.slice(8, 17)
    }
    if (this.roll(K.idLowercaseX, out.endsWith('X'))) out = `${out.slice(0, -1)}x`
    if (this.roll(K.idFullWidth)) out = toFullWidth(out)
    if (this.roll(K.idSpaces)) {
      const at = this.rng.pick([0, 6, 14, out.length])
      out = `${out.slice(0, at)} ${out.slice(at)}`
    }
    return out
  }

  /** A date as written in the source's own format, sometimes another, sometimes wrong. */
  date(day: number, own: DateFormat): string {
    this.semantic = ''
    let d = day
    const p = dayParts(day)
    if (this.roll(K.dateDayMonthSwap, p.d <= 12 && p.d !== p.m)) {
      d = dayNumber(p.y, p.d, p.m)
      this.semantic = 'day-month-swap'
    } else if (this.roll(K.dateWrong)) {
      d = this.rng.chance(0.7)
        ? day + (this.rng.chance(0.5) ? 1 : -1) * this.rng.between(1, 3)
        : dayNumber(p.y + (this.rng.chance(0.5) ? 1 : -1), p.m, Math.min(p.d, 28))
      this.semantic = 'wrong-date'
    }
    this.day = d
    const format = this.roll(K.dateOtherFormat) ? this.rng.pick(dateFormats.filter((f) => f !== own)) : own
    return formatDate(d, format)
  }

  /** Sex, sometimes recorded wrong. */
  sex(sex: 1 | 2): 1 | 2 {
    this.semantic = ''
    if (!this.roll(K.sexWrong)) return sex
    this.semantic = 'wrong-sex'
    return sex === 1 ? 2 : 1
  }

  /** Whether an optional value is left blank. */
  blank(): boolean {
    return this.roll(K.valueMissing)
  }

  /** Whether the address is written in a variant layout. */
  addressVariant(): boolean {
    return this.roll(K.addressVariant)
  }

  /** Whether this row comes out malformed. */
  malformed(): boolean {
    return this.roll(K.malformedRow)
  }
}

function replaceAt(s: string, i: number, f: (ch: string) => string): string {
  const chars = [...s]
  chars[i] = f(chars[i] as string)
  return chars.join('')
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9Xx]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

function buildAlternatives(): { homophone: Map<string, string[]>; nearForm: Map<string, string[]> } {
  const index = (groups: readonly string[]): Map<string, string[]> => {
    const m = new Map<string, string[]>()
    for (const g of groups) {
      const chars = [...g]
      for (const ch of chars) m.set(ch, [...(m.get(ch) ?? []), ...chars.filter((o) => o !== ch)])
    }
    return m
  }
  return { homophone: index(homophoneGroups), nearForm: index(nearFormGroups) }
}
