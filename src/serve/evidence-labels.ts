import type { EvidenceField } from '../cases/case-evidence.js'
import { eventTypeZh, maritalStatusZh, sexZh } from '../reconcile/labels-zh.js'

const recordStatusZh: Readonly<Record<string, string>> = { active: '正常', cancelled: '注销' }

const valueLabelsZh: Partial<Record<EvidenceField, Readonly<Record<string, string>>>> = {
  sex: sexZh,
  maritalStatus: maritalStatusZh,
  eventType: eventTypeZh,
  status: recordStatusZh,
}

/**
 * A stored value as officers read it: coded values (sex, marital and record status, event type)
 * in Chinese for the zh page, everything else as stored. Pure.
 * @example evidenceValueLabel('sex', 'female', 'zh') // '女'
 */
export function evidenceValueLabel(field: EvidenceField, value: string, lang: 'zh' | 'en'): string {
  if (lang !== 'zh') return value
  return valueLabelsZh[field]?.[value] ?? value
}
