// The dashboard's weather: the status of each platform the user's contracts
// run on, in the user's language. The status itself (weather, open incidents,
// occurrences of maintenance windows) is the back-office's platformsStatusNow().
import type { Executor } from '../../db/database.js'
import type { Offer } from '../../db/contracts.table.js'
import { PLATFORM_OF_OFFER } from '../../db/platforms.table.js'
import type { Locale } from '../../i18n/index.js'
import { platformsStatusNow } from '../admin/platforms/status.js'
import type { Weather } from '../admin/platforms/weather.js'

/** How far ahead the dashboard lists maintenance windows. */
export const MAINTENANCE_AHEAD_DAYS = 7
const DAY = 24 * 60 * 60_000

export interface PlatformWeather {
  code: string
  name: string
  weather: Weather
  incidents: Array<{ title: string; text: string; startedAt: string; severity: string }>
  maintenance: Array<{ title: string; text: string; start: string; end: string; inProgress: boolean }>
}

/** The platforms of these offers (Orange Business and the grouping contract have none), as the user reads them. */
export async function weatherOf(db: Executor, offers: readonly Offer[], locale: Locale, now: Date): Promise<PlatformWeather[]> {
  const codes = new Set(offers.map((offer) => PLATFORM_OF_OFFER[offer]).filter((code): code is string => code !== undefined))
  if (codes.size === 0) return []
  const horizon = now.getTime() + MAINTENANCE_AHEAD_DAYS * DAY
  const statuses = await platformsStatusNow(db, now)
  return statuses.filter((status) => codes.has(status.platform.code)).map((status) => ({
    code: status.platform.code,
    name: status.platform.name,
    weather: status.weather,
    incidents: status.openIncidents.map((incident) => ({
      title: locale === 'fr' ? incident.title_fr : incident.title_en,
      text: locale === 'fr' ? incident.text_fr : incident.text_en,
      startedAt: incident.started_at,
      severity: incident.severity,
    })),
    maintenance: status.upcoming.filter((occurrence) => occurrence.start.getTime() < horizon).map((occurrence) => ({
      title: locale === 'fr' ? occurrence.window.title_fr : occurrence.window.title_en,
      text: locale === 'fr' ? occurrence.window.text_fr : occurrence.window.text_en,
      start: occurrence.start.toISOString(),
      end: occurrence.end.toISOString(),
      inProgress: occurrence.start <= now,
    })),
  }))
}
