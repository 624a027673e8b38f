import type { Generated, Selectable } from 'kysely'

export const INCIDENT_SEVERITIES = ['degraded', 'major'] as const
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number]
export type IncidentStatus = 'open' | 'resolved'

/** A platform incident, with the text customers read in both languages. */
export interface IncidentsTable {
  id: Generated<number>
  platform_id: number
  severity: IncidentSeverity
  status: Generated<IncidentStatus>
  title_en: string
  title_fr: string
  text_en: string
  text_fr: string
  started_at: string
  resolved_at: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface IncidentRegionsTable {
  incident_id: number
  region_id: number
}

/** Every opening, update and closing of an incident: what customers were told, and when. */
export interface IncidentUpdatesTable {
  id: Generated<number>
  incident_id: number
  at: string
  author_user_id: number | null
  status: IncidentStatus
  severity: IncidentSeverity
  text_en: string
  text_fr: string
}

export type Incident = Selectable<IncidentsTable>
