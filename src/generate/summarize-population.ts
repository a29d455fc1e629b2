import { ageOn } from '../domain/day-number.js'
import { fates, type Population } from './population.js'

/**
 * Counts that describe the simulated truth (for manifest.json and the docs): people by
 * origin, households, age groups of those living here, events by type.
 */
export function summarizePopulation(pop: Population) {
  const byOrigin: Record<string, number> = {}
  const ageGroups: Record<string, number> = { '0-14': 0, '15-59': 0, '60+': 0 }
  let livingHere = 0
  for (const p of pop.persons) {
    byOrigin[p.origin] = (byOrigin[p.origin] ?? 0) + 1
    if (p.fate !== fates.alive || p.residence < 0) continue
    livingHere++
    const age = ageOn(p.birth, pop.windowEnd)
    const group = age < 15 ? '0-14' : age < 60 ? '15-59' : '60+'
    ageGroups[group] = (ageGroups[group] ?? 0) + 1
  }
  const events: Record<string, number> = {}
  for (const e of pop.events) events[e.type] = (events[e.type] ?? 0) + 1
  return {
    persons: pop.persons.length,
    livingHereAtEnd: livingHere,
    byOrigin,
    households: pop.households.filter((h) => !h.rented).length,
    ageGroupsLivingHere: ageGroups,
    events,
  }
}
