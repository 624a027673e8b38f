// The platforms pages: every platform's status now, and one platform with its
// incidents (filtered, paginated) and its maintenance windows.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { intervalFormatter, scheduleDescriber } from './describe.js'
import { occurrences } from './recurrence.js'
import { INCIDENT_FILTERS, INCIDENTS_PAGE_SIZE, listIncidents, liveWindowsOf, openIncidentsOf, pastWindowsOf } from './platforms.queries.js'
import { daysAfter, OVERLAP_HORIZON_DAYS, overlappingWindows, UPCOMING_DAYS } from './schedule.js'
import { platformsStatusNow, platformStatus } from './status.js'
import { incidentFilterQuery, pageQuery, platformOfParam } from './params.js'

/** How many coming occurrences each window shows on its platform's page. */
const NEXT_PER_WINDOW = 3

// GET /admin/platforms
export async function platformsPage(request: FastifyRequest, reply: FastifyReply) {
  const statuses = await platformsStatusNow(request.server.db)
  return reply.render('admin/platforms/index', { statuses, upcomingDays: UPCOMING_DAYS, interval: intervalFormatter(request.i18n.locale) })
}

// GET /admin/platforms/:code
export async function platformPage(request: FastifyRequest, reply: FastifyReply) {
  const platform = await platformOfParam(request)
  const [filter, page, now, db] = [incidentFilterQuery(request), pageQuery(request), new Date(), request.server.db]
  const [incidents, open, windows, past] = await Promise.all([
    listIncidents(db, platform.id, filter, page), openIncidentsOf(db, [platform.id]), liveWindowsOf(db, [platform.id], now), pastWindowsOf(db, platform.id, now),
  ])
  const horizon = daysAfter(now, OVERLAP_HORIZON_DAYS)
  const overlaps = overlappingWindows(windows, now, horizon)
  const schedule = windows.map((window) => ({ window, next: occurrences(window, now, horizon).slice(0, NEXT_PER_WINDOW), overlaps: overlaps.get(window.id) ?? [] }))
  return reply.render('admin/platforms/show', {
    status: platformStatus(platform, open, windows, now), incidents: incidents.rows, total: incidents.total, filter, filters: INCIDENT_FILTERS,
    page, pages: Math.max(1, Math.ceil(incidents.total / INCIDENTS_PAGE_SIZE)), base: `/admin/platforms/${platform.code}?status=${filter}&`,
    schedule, past, upcomingDays: UPCOMING_DAYS, overlapDays: OVERLAP_HORIZON_DAYS, describe: scheduleDescriber(request.i18n), interval: intervalFormatter(request.i18n.locale),
  })
}
