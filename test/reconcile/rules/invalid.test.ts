import { describe, expect, it } from 'vitest'
import type { InvalidCheck } from '../../../src/reconcile/check.js'
import { reconcile } from '../../../src/reconcile/reconcile.js'
import { input, rec, validId } from '../build-input.js'

const check = (idStatuses: InvalidCheck['idStatuses']): InvalidCheck => ({
  id: 'invalid-id',
  name: '身份证号错误',
  label: 'invalid resident ID',
  kind: 'invalid',
  target: [{ sources: ['register-persons'] }],
  idStatuses,
  problems: ['id-status', 'id-birth-date', 'id-sex', 'impossible-birth-date'],
})
const strict = check(['bad_check_digit', 'excel_truncated', 'malformed', 'missing'])
const opts = { period: '2026-10' }
const good = validId('440902', '1995-02-16', '998') // sequence 998: even, female

describe('invalid cases', () => {
  it('raises nothing for a valid ID agreeing with the stated birth date and sex', () => {
    const r = rec({ source: 'register-persons', line: 2, id: good, birthDate: '1995-02-16', sex: 'female' })
    expect(reconcile(input([r]), [strict], opts)).toEqual([])
  })

  it('reports a bad check digit by its status, without printing the ID', () => {
    const id = {
      norm: '440902199509169987',
      status: 'bad_check_digit' as const,
      birthDate: '1995-09-16',
      sex: 'female' as const,
    }
    const r = rec({
      source: 'register-persons',
      line: 41,
      name: '吴静',
      id,
      birthDate: '1995-09-16',
      sex: 'female',
      community: '410105001003',
    })
    const cases = reconcile(input([r]), [strict], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.problems).toEqual(['id-status'])
    expect(cases[0]?.community).toBe('410105001003')
    expect(cases[0]?.reason).toBe('全员人口库 吴静 (1995-09-16)：身份证号校验位错误')
    expect(cases[0]?.reason).not.toContain('440902')
  })

  it('counts a missing ID only when the check lists that status', () => {
    const r = rec({ source: 'register-persons', line: 2, id: null, birthDate: '1995-02-16' })
    expect(reconcile(input([r]), [strict], opts)).toHaveLength(1)
    expect(reconcile(input([r]), [check(['bad_check_digit'])], opts)).toEqual([])
  })

  it('reports an ID whose birth date and sex contradict the stated ones', () => {
    const r = rec({ source: 'register-persons', line: 2, id: good, birthDate: '1995-02-15', sex: 'male' })
    const cases = reconcile(input([r]), [strict], opts)
    expect(cases[0]?.problems).toEqual(['id-birth-date', 'id-sex'])
    expect(cases[0]?.reason).toContain('身份证号中的出生日期 1995-02-16 与登记的 1995-02-15 不符')
    expect(cases[0]?.reason).toContain('身份证号显示性别为女，登记为男')
  })

  it('reports birth dates that are impossible or after the period', () => {
    const unreadable = rec({ source: 'register-persons', line: 2, id: good, birthDateStatus: 'impossible' })
    const future = rec({
      source: 'register-persons',
      line: 3,
      id: validId('440902', '2026-11-01', '998'),
      birthDate: '2026-11-01',
    })
    const lastDay = rec({
      source: 'register-persons',
      line: 4,
      id: validId('440902', '2026-10-31', '998'),
      birthDate: '2026-10-31',
    })
    const cases = reconcile(input([unreadable, future, lastDay]), [strict], opts)
    expect(cases.map((c) => [c.records[0]?.ref, c.problems])).toEqual([
      ['register-persons.csv:2:subject', ['impossible-birth-date']],
      ['register-persons.csv:3:subject', ['impossible-birth-date']],
    ])
  })

  it('looks only at the sources its target names', () => {
    const r = rec({ source: 'police-snapshot', line: 2, id: null })
    expect(reconcile(input([r]), [strict], opts)).toEqual([])
  })
})

describe('an Excel-truncated ID that still passes its check digit', () => {
  // An ID whose last three characters are 000 and valid (check digit 0): Excel's rounding of
  // 4101051992051980xx to 15 significant digits reads as such an ID about one time in eleven.
  const truncated = ['000', '100', '200', '300', '400', '500', '600', '700', '800', '900']
    .map((seq) => validId('410802', '1992-05-19', seq))
    .find((id) => id.endsWith('000')) as string
  const real = validId('410802', '1992-05-19', '821')

  it('reports it when another record of the person carries the full number', () => {
    expect(truncated.slice(0, 15)).toBe(real.slice(0, 15))
    const register = rec({ source: 'register-persons', line: 5, name: '田梓豪', id: truncated })
    const police = rec({ source: 'police-snapshot', line: 9, name: '田梓豪', id: real })
    const cases = reconcile(input([register, police], [[0, 1]]), [strict], opts)
    expect(cases).toHaveLength(1)
    expect(cases[0]?.problems).toEqual(['id-status'])
    expect(cases[0]?.reason).toContain('末三位为 000，与公安常住人口的号码前 15 位相同')
  })

  it('leaves an ID ending in 000 alone when nothing says it was longer', () => {
    const register = rec({ source: 'register-persons', line: 5, name: '田梓豪', id: truncated })
    expect(reconcile(input([register]), [strict], opts)).toEqual([])
    const same = rec({ source: 'police-snapshot', line: 9, name: '田梓豪', id: truncated })
    expect(reconcile(input([register, same], [[0, 1]]), [strict], opts)).toEqual([])
  })
})
