/**
 * Marital status per GB/T 2261.2, collapsed to what reconciliation needs:
 * 10 未婚 single, 20–23 已婚/初婚/再婚/复婚 married, 30 丧偶 widowed, 40 离婚 divorced,
 * 90 未说明 unknown (stored as null).
 */
export const maritalStatuses = ['single', 'married', 'widowed', 'divorced'] as const
export type MaritalStatus = (typeof maritalStatuses)[number]
