/**
 * Canonical fields: what a source's own headers are mapped to in a pipeline file.
 *
 * Person fields belong to one role of a row. In a pipeline they are written bare for
 * single-person kinds (`name: 姓名`) and with the role for the others (`wife.name: 女方姓名`).
 * Event fields belong to the row and are always written `event.<field>`.
 */
export const personFields = [
  'recordNo', // the source's own id for this person: 个案编号, 人口编号
  'residentId', // 公民身份号码
  'name', // 姓名
  'formerName', // 曾用名
  'sex', // 性别
  'birthDate', // 出生日期
  'maritalStatus', // 婚姻状况
  'householdNo', // 户号
  'relationToHead', // 与户主关系
  'address', // 户籍地址 / 住址 (where the hukou is)
  'residenceAddress', // 现住址 / 居住地址 (where the person lives)
  'community', // 居委会 / 所属社区
  'category', // 人员类别: resident (户籍), inflow (流入), outflow (流出)
  'status', // 户口状态 / 人员状态: active or cancelled
  'statusReason', // 注销原因
  'phone', // 联系电话
] as const
export type PersonField = (typeof personFields)[number]

export const eventFields = [
  'documentNo', // 结婚证字号, 出生医学证明编号, 变动流水号
  'type', // 变动类型, 业务类型
  'date', // 变动日期, 登记日期, 出生时间, 死亡日期
  'place', // 登记机关, 助产机构
  'reason', // 居住事由, 变动原因
] as const
export type EventField = (typeof eventFields)[number]

/** Canonical value sets for fields whose values a pipeline may map (`values:`). */
export const personCategories = ['resident', 'inflow', 'outflow'] as const
export type PersonCategory = (typeof personCategories)[number]

export const recordStatuses = ['active', 'cancelled'] as const
export type RecordStatus = (typeof recordStatuses)[number]
