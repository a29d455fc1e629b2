import { describe, expect, it } from 'vitest'
import { type ReconcileRow, reconcileRecordOfRow } from '../../src/store/reconcile-input.repository.js'

const row: ReconcileRow = {
  source: 'register-persons',
  path: 'fixtures/demo/register-persons-2026-10.csv',
  line: 28,
  role: 'subject',
  fingerprint: 'register-persons|subject|R0001',
  idNorm: '11010519491231002X',
  idStatus: 'valid',
  name: '王丽',
  namePinyin: 'wang|li',
  sex: 'female',
  birthDate: '1949-12-31',
  community: '410105001001',
  eventType: null,
  eventDate: null,
  detail: JSON.stringify({
    formerName: '王莉',
    maritalStatus: 'married',
    category: 'resident',
    status: 'active',
  }),
}

describe('a stored record as reconciliation reads it', () => {
  it('names its file by base name, so refs read like the generator’s truth (file:line:role)', () => {
    const r = reconcileRecordOfRow(row)
    expect([r.file, r.line, r.role]).toEqual(['register-persons-2026-10.csv', 28, 'subject'])
  })

  it('reads the ID’s own birth date and sex from its digits (17th digit 2: female)', () => {
    expect(reconcileRecordOfRow(row).residentId).toEqual({
      norm: '11010519491231002X',
      status: 'valid',
      birthDate: '1949-12-31',
      sex: 'female',
    })
  })

  it('gives no ID birth date when the digits are no calendar day, and nothing for a malformed ID', () => {
    const bad = reconcileRecordOfRow({ ...row, idNorm: '110105199002301234', idStatus: 'bad_check_digit' })
    expect(bad.residentId.birthDate).toBeNull()
    expect(bad.residentId.sex).toBe('male')
    const malformed = reconcileRecordOfRow({ ...row, idNorm: '1101051990', idStatus: 'malformed' })
    expect([malformed.residentId.birthDate, malformed.residentId.sex]).toEqual([null, null])
  })

  it('takes former name, marital status, category and status from detail; birth status from the date', () => {
    const r = reconcileRecordOfRow(row)
    expect([r.formerName, r.maritalStatus, r.category, r.status, r.statusReason]).toEqual([
      '王莉',
      'married',
      'resident',
      'active',
      null,
    ])
    expect(r.birthDateStatus).toBe('valid')
    expect(reconcileRecordOfRow({ ...row, birthDate: null, detail: '{}' }).birthDateStatus).toBe('missing')
    expect(
      reconcileRecordOfRow({ ...row, birthDate: null, detail: '{"birthStatus":"impossible"}' })
        .birthDateStatus,
    ).toBe('impossible')
  })
})
