import { describe, expect, it } from 'vitest'
import { naturalKey, recordFingerprints } from '../../src/match/record-fingerprint.js'

const row = { source: 's', role: 'subject', recordNo: null, documentNo: null, raw: 'a,b,c' }

describe('naturalKey', () => {
  it('uses the record number of a person row, whatever else changed in the row', () => {
    const october = naturalKey({ ...row, recordNo: 'JS001', raw: 'JS001,米璐,正常' })
    const november = naturalKey({ ...row, recordNo: 'JS001', raw: 'JS001,米璐,迁出' })
    expect(october).toBe('recordNo:JS001')
    expect(november).toBe(october)
  })

  it('uses the document number for a role on an event, not the mother’s record number', () => {
    expect(naturalKey({ ...row, role: 'wife', documentNo: 'J410105-2025-000031' })).toBe(
      'documentNo:J410105-2025-000031',
    )
    // A register birth row: the mother's 个案编号 repeats for each of her children.
    expect(naturalKey({ ...row, role: 'mother', recordNo: 'JS002' })).toMatch(/^row:[0-9a-f]{20}$/)
  })

  it('falls back to the row text: the same text gives the same key, another text another', () => {
    expect(naturalKey(row)).toBe(naturalKey({ ...row }))
    expect(naturalKey(row)).not.toBe(naturalKey({ ...row, raw: 'a,b,d' }))
  })
})

describe('recordFingerprints', () => {
  it('joins source, role and natural key, and numbers repeats in order', () => {
    const wife = { ...row, source: 'civil', role: 'wife', documentNo: 'J1' }
    const husband = { ...wife, role: 'husband' }
    expect(recordFingerprints([wife, husband, wife, wife])).toEqual([
      'civil|wife|documentNo:J1',
      'civil|husband|documentNo:J1',
      'civil|wife|documentNo:J1#2',
      'civil|wife|documentNo:J1#3',
    ])
  })
})
