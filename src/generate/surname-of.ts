import type { Person } from './population.js'

/** The surname part of a name (compound surnames included; minority names have none). */
export function surnameOf(p: Person): string {
  if (p.name.includes('·')) return ''
  const two = p.name.slice(0, 2)
  return compoundSurnames.has(two) ? two : p.name.slice(0, 1)
}

const compoundSurnames = new Set([
  '欧阳',
  '上官',
  '皇甫',
  '令狐',
  '司徒',
  '诸葛',
  '司马',
  '公孙',
  '夏侯',
  '东方',
  '呼延',
  '慕容',
  '端木',
  '尉迟',
])
