// A platform's "status now", as the customers' dashboard shows it (the
// weather): computed from its open incidents and its maintenance occurrences,
// never stored, so it can't disagree with them. Pure: the caller passes `now`.
import type { IncidentSeverity } from '../../../db/incidents.table.js'
import type { Occurrence } from './recurrence.js'

/** From the best to the worst: the worst that applies wins. */
export const WEATHERS = ['sunny', 'cloudy', 'rainy', 'stormy'] as const
export type Weather = (typeof WEATHERS)[number]

/** A maintenance starting within this much time already clouds the sky. */
export const MAINTENANCE_NOTICE_MS = 24 * 60 * 60_000

export interface WeatherInput {
  openIncidents: ReadonlyArray<{ severity: IncidentSeverity }>
  occurrences: readonly Occurrence[]
}

/**
 * 'stormy': an open major incident; 'rainy': an open degraded incident;
 * 'cloudy': a maintenance in progress or starting within 24 hours;
 * 'sunny': operational.
 */
export function platformWeather({ openIncidents, occurrences }: WeatherInput, now: Date): Weather {
  if (openIncidents.some((incident) => incident.severity === 'major')) return 'stormy'
  if (openIncidents.some((incident) => incident.severity === 'degraded')) return 'rainy'
  const horizon = now.getTime() + MAINTENANCE_NOTICE_MS
  if (occurrences.some((occurrence) => occurrence.end > now && occurrence.start.getTime() <= horizon)) return 'cloudy'
  return 'sunny'
}
