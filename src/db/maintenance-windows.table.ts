import type { Generated, Selectable } from 'kysely'

/** A planned maintenance: once (starts_at/ends_at in UTC) or recurring (a
 * local wall-clock rule in `time_zone`, whose occurrences are computed). */
export interface MaintenanceWindowsTable {
  id: Generated<number>
  platform_id: number
  kind: 'once' | 'recurring'
  title_en: string
  title_fr: string
  text_en: string
  text_fr: string
  starts_at: string | null
  ends_at: string | null
  /** 0 Sunday … 6 Saturday */
  weekday: number | null
  /** Which of those weekdays in the month: "1,-1,-2,-3" is the first and the last three. */
  month_weeks: string | null
  /** HH:MM local time */
  local_start: string | null
  duration_minutes: number | null
  time_zone: Generated<string>
  /** YYYY-MM-DD, local dates bounding a recurring rule */
  valid_from: string | null
  valid_until: string | null
  cancelled_at: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface MaintenanceWindowRegionsTable {
  window_id: number
  region_id: number
}

export type MaintenanceWindow = Selectable<MaintenanceWindowsTable>
