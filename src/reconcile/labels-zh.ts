import type { MaritalStatus } from '../domain/marital-status.js'
import type { ResidentIdStatus } from '../domain/normalized-values.js'
import type { EventType, RecordKind, Role } from '../domain/record-kind.js'
import type { Sex } from '../domain/sex.js'
import type { SourceAgency } from '../domain/source-agency.js'
import type { ConflictField } from './check.js'

/** The Chinese words case reasons are made of: what officers read. */

const agencyZh: Readonly<Record<SourceAgency, string>> = {
  police: '公安',
  civil: '民政',
  health: '卫生',
  register: '计生',
  other: '其他来源',
}

/** What officers call an agency's export of a kind, when the pipeline gives no label. */
const exportZh: Readonly<Partial<Record<`${SourceAgency}:${RecordKind}`, string>>> = {
  'police:household-change': '公安户籍变动',
  'police:person': '公安常住人口',
  'police:temporary-resident': '公安暂住登记',
  'police:death': '公安死亡注销',
  'police:birth': '公安出生登记',
  'civil:marriage': '民政婚姻登记',
  'civil:death': '民政殡葬记录',
  'health:birth': '卫生出生医学证明',
  'register:person': '全员人口库',
  'register:birth': '计生生育信息',
}

export function sourceLabelZh(agency: SourceAgency, kind: RecordKind): string {
  return exportZh[`${agency}:${kind}`] ?? agencyZh[agency]
}

const roleZh: Readonly<Record<Role, string>> = {
  subject: '',
  husband: '男方',
  wife: '女方',
  child: '新生儿',
  mother: '母亲',
  father: '父亲',
}

export function roleLabelZh(role: Role): string {
  return roleZh[role]
}

export const fieldZh: Readonly<Record<ConflictField, string>> = {
  name: '姓名',
  birthDate: '出生日期',
  sex: '性别',
  maritalStatus: '婚姻状况',
  residentId: '身份证号',
}

export const sexZh: Readonly<Record<Sex, string>> = { male: '男', female: '女' }

export const maritalStatusZh: Readonly<Record<MaritalStatus, string>> = {
  single: '未婚',
  married: '已婚',
  widowed: '丧偶',
  divorced: '离婚',
}

export const eventTypeZh: Readonly<Record<EventType, string>> = {
  birth: '出生',
  'move-in': '迁入',
  'move-out': '迁出',
  death: '死亡',
  correction: '变更更正',
  marriage: '结婚登记',
  divorce: '离婚登记',
  'temporary-registration': '暂住登记',
}

export const idStatusZh: Readonly<Record<ResidentIdStatus, string>> = {
  valid: '身份证号有效',
  upgraded_from_15: '身份证号为15位旧号',
  bad_check_digit: '身份证号校验位错误',
  excel_truncated: '身份证号末位被 Excel 截断为000',
  malformed: '身份证号格式错误',
  missing: '身份证号缺失',
}

/**
 * An ID as printed in a reason: region code and last four kept, the birth date hidden
 * (410105********1234), as in printed sheets. Shorter or malformed values keep only their
 * last four characters.
 */
export function maskResidentIdZh(id: string): string {
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(14)}`
  return id.length > 4 ? `${'*'.repeat(id.length - 4)}${id.slice(-4)}` : id
}
