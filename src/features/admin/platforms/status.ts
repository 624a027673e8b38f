// Each platform's status now: its open incidents, its maintenance in the
// coming days and the weather they make. The platforms pages show it; the
// customers' dashboard can call platformsStatusNow() for its weather.
import type { Executor } from '../../../db/database.js'
import { listPlatforms, liveWindowsOf, openIncidentsOf, type IncidentWithRegions, type PlatformWithRegions, type WindowWithRegions } from './platforms.queries.js'
import { daysAfter, upcomingOccurrences, UPCOMING_DAYS, type Scheduled } from './schedule.js'
import { platformWeather, type Weather } from './weather.js'

export interface PlatformStatus {
  platform: PlatformWithRegions
  openIncidents: IncidentWithRegions[]
  /** The occurrences running now or starting within UPCOMING_DAYS, in time order. */
  upcoming: Array<Scheduled<WindowWithRegions>>
  weather: Weather
}

export function platformStatus(platform: PlatformWithRegions, incidents: IncidentWithRegions[], windows: WindowWithRegions[], now: Date): PlatformStatus {
  const openIncidents = incidents.filter((incident) => incident.platform_id === platform.id)
  const upcoming = upcomingOccurrences(windows.filter((window) => window.platform_id === platform.id), now, daysAfter(now, UPCOMING_DAYS))
  return { platform, openIncidents, upcoming, weather: platformWeather({ openIncidents, occurrences: upcoming }, now) }
}

/** Every platform, in its order, with its status at `now`. */
export async function platformsStatusNow(db: Executor, now = new Date()): Promise<PlatformStatus[]> {
  const platforms = await listPlatforms(db)
  const ids = platforms.map((platform) => platform.id)
  const [incidents, windows] = await Promise.all([openIncidentsOf(db, ids), liveWindowsOf(db, ids, now)])
  return platforms.map((platform) => platformStatus(platform, incidents, windows, now))
}
