import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type BlockingKey,
  blockingKeyExtractor,
  blockingKeys,
  blockingRuleKey,
  isBlockingKey,
  type PresetBlockingKey,
} from '../../src/match/blocking-rule.js'
import type { MatchRecord } from '../../src/match/comparison.js'
import { homeAddressComparison } from '../../src/match/comparison-presets.js'
import { matchRecordOf } from './support/match-record-of.js'

const keyOf = (key: PresetBlockingKey, record: MatchRecord): string | null => {
  const extract = blockingKeyExtractor(key)
  if (extract === undefined) throw new Error(`no extractor for the preset key ${key}`)
  return extract(record)
}

describe('resident ID keys', () => {
  const valid = matchRecordOf({ id: '41010519900307123X' })
  const legacy = matchRecordOf({ id: '410105900307123' }) // upgraded at ingest to the valid ID above
  const truncated = matchRecordOf({ id: '410105199003071000' }) // Excel kept 15 significant digits
  const badCheck = matchRecordOf({ id: '410105199003071231' })
  const dropped = matchRecordOf({ id: '41010519900307123' }) // 17 characters: malformed
  const missing = matchRecordOf({ id: '无' })

  it('reads the statuses the normalizer gives', () => {
    expect([legacy, truncated, badCheck, dropped, missing].map((r) => r.id_status)).toEqual([
      'upgraded_from_15',
      'excel_truncated',
      'bad_check_digit',
      'malformed',
      'missing',
    ])
  })

  it.each([
    ['id18', ['41010519900307123X', '41010519900307123X', null, '410105199003071231', null, null]],
    ['idPrefix15', ['410105199003071', '410105199003071', '410105199003071', '410105199003071', null, null]],
    ['idBirthDate', ['19900307', '19900307', '19900307', '19900307', null, null]],
    ['idSexDigitParity', ['male', 'male', null, 'male', null, null]],
    ['idRegion', ['410105', '410105', '410105', '410105', '410105', null]],
  ] as const)('%s of valid, legacy, truncated, bad check, dropped digit, missing', (key, expected) => {
    expect([valid, legacy, truncated, badCheck, dropped, missing].map((r) => keyOf(key, r))).toEqual(expected)
  })

  it('blocks an Excel-truncated ID with the full ID it came from, and only on the prefix', () => {
    expect(keyOf('idPrefix15', truncated)).toBe(keyOf('idPrefix15', valid))
    expect(keyOf('id18', truncated)).toBeNull()
  })

  it('gives no region for Excel scientific notation, whose digits cannot be trusted', () => {
    expect(keyOf('idRegion', matchRecordOf({ id: '4.10105E+17' }))).toBeNull()
  })

  it('reads a female sequence digit as female', () => {
    expect(keyOf('idSexDigitParity', matchRecordOf({ id: '410105199003071248' }))).toBe('female')
  })
})

describe('name keys', () => {
  it.each([
    ['王伟', 'wang', 'wei', 'wang wei', '伟'],
    ['欧阳秀英', 'ou yang', 'xiu ying', 'ou yang xiu ying', '秀英'], // compound surname: two syllables
    ['单雄信', 'shan', 'xiong xin', 'shan xiong xin', '雄信'], // polyphonic surname reading
    ['阿不都·热合曼', 'a bu dou', 're he man', 'a bu dou re he man', '热合曼'], // split at the dot
  ])('%s → surname %s, given %s, full %s, given name %s', (name, surname, given, full, givenName) => {
    const r = matchRecordOf({ name })
    expect(keyOf('surnamePinyin', r)).toBe(surname)
    expect(keyOf('givenPinyin', r)).toBe(given)
    expect(keyOf('fullNamePinyin', r)).toBe(full)
    expect(keyOf('givenName', r)).toBe(givenName)
    expect(keyOf('name', r)).toBe(name)
  })

  it('blocks a two-character 欧阳 (split ou|yang) with a longer name on full pinyin, as one string', () => {
    expect(keyOf('fullNamePinyin', matchRecordOf({ name: '欧阳' }))).toBe('ou yang')
  })

  it('gives homophones the same pinyin keys and different character keys', () => {
    const a = matchRecordOf({ name: '李丽' })
    const b = matchRecordOf({ name: '李莉' })
    expect(keyOf('fullNamePinyin', a)).toBe(keyOf('fullNamePinyin', b))
    expect(keyOf('givenName', a)).not.toBe(keyOf('givenName', b))
  })

  it('has no name keys for a placeholder name', () => {
    const r = matchRecordOf({ name: '婴儿' })
    for (const key of ['surnamePinyin', 'givenPinyin', 'fullNamePinyin', 'name', 'givenName'] as const) {
      expect(keyOf(key, r)).toBeNull()
    }
  })

  it('takes the whole name as given name when there is no surname', () => {
    expect(keyOf('givenName', { name_norm: 'ABC', name_pinyin: '|abc' })).toBe('ABC')
    expect(keyOf('surnamePinyin', { name_norm: 'ABC', name_pinyin: '|abc' })).toBeNull()
  })
})

describe('other keys', () => {
  const r: MatchRecord = {
    ...matchRecordOf({ sex: 'female', birth: '1993-11-05' }),
    community: '410105001001',
    householdNo: 'H0012345',
    address: '',
  }
  it.each([
    ['birthDate', '1993-11-05'],
    ['birthYear', '1993'],
    ['sex', 'female'],
    ['community', '410105001001'],
    ['householdNo', 'H0012345'],
    ['address', null], // empty text blocks with nothing
  ] as const)('%s → %s', (key, expected) => {
    expect(keyOf(key, r)).toBe(expected)
  })

  it('keys homeAddress on the residence when there is one, else on the address', () => {
    // A certificate newborn's 家庭住址 (residence) meets a police 住址 (address) and a register 现住址 (residence).
    expect(keyOf('homeAddress', { residence: '文化路251号院10号楼3单元904室', address: '外省某地' })).toBe(
      '文化路251号院10号楼3单元904室',
    )
    expect(keyOf('homeAddress', { residence: null, address: '文化路251号院10号楼3单元904室' })).toBe(
      '文化路251号院10号楼3单元904室',
    )
    expect(keyOf('homeAddress', { residence: '', address: '' })).toBeNull()
  })

  test.prop([fc.option(fc.string(), { nil: null }), fc.option(fc.string(), { nil: null })])(
    'keys homeAddress on exactly the value the homeAddress comparison compares',
    (residence, address) => {
      const record = { residence, address }
      expect(keyOf('homeAddress', record)).toBe(homeAddressComparison().prepare(record))
    },
  )

  it('gives every key null on an empty record', () => {
    for (const key of blockingKeys) expect(keyOf(key, {})).toBeNull()
  })
})

describe('blockingRuleKey', () => {
  const rule = { name: 'dob + name', keys: ['birthDate', 'fullNamePinyin'] } as const
  it('is null when any key is null', () => {
    expect(blockingRuleKey(rule, matchRecordOf({ name: '王伟' }))).toBeNull()
    expect(blockingRuleKey(rule, matchRecordOf({ name: '王伟', birth: '1990-01-02' }))).not.toBeNull()
  })

  test.prop([fc.string(), fc.string(), fc.string(), fc.string()])(
    'tells apart key tuples that concatenate alike',
    (a, b, c, d) => {
      fc.pre(a !== '' && b !== '' && c !== '' && d !== '' && (a !== c || b !== d))
      const keyed = { name: 'x', keys: ['householdNo', 'address'] } as const
      fc.pre(![a, b, c, d].some((s) => s.includes('\u001f')))
      expect(blockingRuleKey(keyed, { householdNo: a, address: b })).not.toBe(
        blockingRuleKey(keyed, { householdNo: c, address: d }),
      )
    },
  )

  it('rejects a key outside the vocabulary', () => {
    const bad = { name: 'typo', keys: ['birthdate'] as unknown as BlockingKey[] }
    expect(() => blockingRuleKey(bad, {})).toThrow(/unknown key birthdate/)
    expect(isBlockingKey('birthdate')).toBe(false)
    expect(isBlockingKey('birthDate')).toBe(true)
  })
})

describe('attribute keys', () => {
  const record = { 'attr.surname': 'smithers', 'attr.dob': '1915-11-11', 'attr.postcode': '' }
  it.each([
    ['attr.surname', 'smithers'],
    ['attr.surname:first3', 'smi'],
    ['attr.surname:last2', 'rs'],
    ['attr.dob:first4', '1915'],
    ['attr.surname:first9', null], // shorter than 9: no key
    ['attr.postcode', null], // empty: no key
    ['attr.email', null], // not on the record
  ])('%s → %j', (key, expected) => {
    expect(blockingKeyExtractor(key)?.(record)).toBe(expected)
    expect(isBlockingKey(key)).toBe(true)
  })

  it.each([
    'attr.',
    'attr.Surname',
    'attr.surname:first0',
    'attr.surname:first',
    'attr.surname:middle2',
    'surname',
  ])('refuses %j', (key) => {
    expect(isBlockingKey(key)).toBe(false)
    expect(blockingKeyExtractor(key)).toBeUndefined()
  })

  it('resolves attribute keys through the same accessor as preset keys', () => {
    expect(blockingKeyExtractor('attr.surname:first2')?.(record)).toBe('sm')
    expect(blockingRuleKey({ name: 'r', keys: ['attr.surname:first3', 'attr.dob:first4'] }, record)).toBe(
      'smi\u001f1915',
    )
  })
})
