import { residentIdBirthDigits, residentIdCheckChar, residentIdSex } from '../../src/domain/resident-id.js'
import type {
  LinkedPair,
  ReconcileInput,
  ReconcileRecord,
  ReconcileSource,
} from '../../src/reconcile/reconcile-input.js'

/** The demo pipeline's sources, as the adapter would pass them. */
export const demoSources: ReconcileSource[] = [
  { name: 'police-changes', agency: 'police', kind: 'household-change' },
  { name: 'police-snapshot', agency: 'police', kind: 'person' },
  { name: 'police-temporary', agency: 'police', kind: 'temporary-resident' },
  { name: 'civil-marriages', agency: 'civil', kind: 'marriage' },
  { name: 'civil-deaths', agency: 'civil', kind: 'death' },
  { name: 'health-births', agency: 'health', kind: 'birth' },
  { name: 'register-persons', agency: 'register', kind: 'person' },
  { name: 'register-births', agency: 'register', kind: 'birth' },
]

/** A valid 18-character ID for a region, birth date (YYYY-MM-DD) and 3-digit sequence. */
export function validId(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${seq}`
  return body + residentIdCheckChar(body)
}

type RecordSpec = Partial<Omit<ReconcileRecord, 'residentId'>> & {
  source: string
  line: number
  /** An ID to normalize as valid (its birth date and sex read from it), or a full residentId. */
  id?: string | ReconcileRecord['residentId'] | null
}

/** A record with every field null unless given; the file is `<source>.csv`, fingerprint from file+line+role. */
export function rec(spec: RecordSpec): ReconcileRecord {
  const { id, ...rest } = spec
  const role = spec.role ?? 'subject'
  const residentId =
    typeof id === 'string'
      ? {
          norm: id,
          status: 'valid' as const,
          birthDate: `${residentIdBirthDigits(id).slice(0, 4)}-${residentIdBirthDigits(id).slice(4, 6)}-${residentIdBirthDigits(id).slice(6)}`,
          sex: residentIdSex(id),
        }
      : (id ?? { norm: null, status: 'missing' as const, birthDate: null, sex: null })
  return {
    role,
    fingerprint: `${spec.source}|${role}|row:${spec.line}`,
    file: `${spec.source}.csv`,
    name: null,
    namePinyin: null,
    formerName: null,
    sex: null,
    birthDate: null,
    birthDateStatus: 'valid',
    maritalStatus: null,
    householdNo: null,
    community: null,
    category: null,
    status: null,
    statusReason: null,
    eventType: null,
    eventDate: null,
    ...rest,
    residentId,
  }
}

/**
 * An input from records and the groups of indexes that are one person (everything else alone),
 * with an accepted pair of probability 0.99 between consecutive members of each group, plus
 * any extra pairs (review band).
 */
export function input(
  records: ReconcileRecord[],
  persons: number[][] = [],
  extraPairs: LinkedPair[] = [],
): ReconcileInput {
  const person = Int32Array.from(records, (_, i) => i)
  const pairs: LinkedPair[] = []
  for (const group of persons) {
    const head = group[0] as number
    for (const m of group) person[m] = head
    for (let k = 1; k < group.length; k++) {
      pairs.push({
        left: group[k - 1] as number,
        right: group[k] as number,
        band: 'accept',
        probability: 0.99,
      })
    }
  }
  return { sources: demoSources, records, person, pairs: [...pairs, ...extraPairs] }
}
