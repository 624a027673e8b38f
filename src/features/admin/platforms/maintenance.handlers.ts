// Maintenance windows: plan one (once or recurring), change it, cancel it.
// A window overlapping another of its platform is allowed, and said: the
// notice after saving names the windows it overlaps in the next 90 days.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { maintenanceErrors, maintenanceValues, newMaintenanceValues, readMaintenanceForm, WEEK_FIELDS, WEEKDAYS_MONDAY_FIRST, type MaintenanceForm } from './maintenance.form.js'
import { cancelWindow, createWindow, updateWindow } from './maintenance.writes.js'
import { actorOf, idParam, platformOfQuery } from './params.js'
import { findPlatformById, findWindow, liveWindowsOf, type PlatformWithRegions, type WindowWithRegions } from './platforms.queries.js'
import { intervalFormatter, scheduleDescriber } from './describe.js'
import { occurrences } from './recurrence.js'
import { daysAfter, OVERLAP_HORIZON_DAYS, overlappingWindows } from './schedule.js'

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0
const platformUrl = (platform: PlatformWithRegions) => `/admin/platforms/${platform.code}`
const windowUrl = (id: number) => `/admin/maintenance/${id}`
/** How many coming occurrences the window's page lists. */
const NEXT_ON_PAGE = 6

/** The other live windows of the platform that overlap this one in the next 90 days. */
async function overlapsOf(request: FastifyRequest, platform: PlatformWithRegions, windowId: number, now = new Date()) {
  const windows = await liveWindowsOf(request.server.db, [platform.id], now)
  return overlappingWindows(windows, now, daysAfter(now, OVERLAP_HORIZON_DAYS)).get(windowId) ?? []
}

/** The saved notice, naming the overlapped windows in the reader's language. */
async function flashSaved(request: FastifyRequest, reply: FastifyReply, platform: PlatformWithRegions, windowId: number) {
  const overlaps = await overlapsOf(request, platform, windowId)
  if (overlaps.length === 0) return reply.flash('success', 'admin.platforms.maintenance.saved')
  const titles = overlaps.map((window) => request.i18n.t('admin.platforms.quoted', { title: request.i18n.locale === 'fr' ? window.title_fr : window.title_en })).join(', ')
  reply.flash('info', 'admin.platforms.maintenance.saved_overlapping', { count: overlaps.length, windows: titles, days: OVERLAP_HORIZON_DAYS })
}

/** The maintenance form, with the lists its fields offer. */
function renderForm(reply: FastifyReply, data: Record<string, unknown>) {
  return reply.render('admin/platforms/maintenance', { weekdays: WEEKDAYS_MONDAY_FIRST, weekFields: WEEK_FIELDS, ...data })
}

// GET /admin/maintenance/new?platform=
export async function newMaintenancePage(request: FastifyRequest, reply: FastifyReply) {
  const platform = await platformOfQuery(request)
  return renderForm(reply, { platform, values: newMaintenanceValues(new Date()) })
}

// POST /admin/maintenance/new?platform=
export async function createMaintenance(request: FastifyRequest, reply: FastifyReply) {
  const platform = await platformOfQuery(request)
  const form = readMaintenanceForm(request.body, platform.regions)
  const errors = maintenanceErrors(form, new Date())
  if (hasErrors(errors)) return renderForm(reply.code(422), { platform, values: form, errors })
  const id = await request.server.db.transaction().execute((trx) => createWindow(trx, platform, form, actorOf(request)))
  await flashSaved(request, reply, platform, id)
  return reply.redirect(platformUrl(platform), 303)
}

async function windowOf(request: FastifyRequest) {
  const window = await findWindow(request.server.db, idParam(request))
  if (!window) throw new NotFoundError()
  return { window, platform: await findPlatformById(request.server.db, window.platform_id) }
}

async function renderWindow(request: FastifyRequest, reply: FastifyReply, window: WindowWithRegions, platform: PlatformWithRegions, state: { values?: MaintenanceForm; errors?: FieldErrors } = {}) {
  const now = new Date()
  const overlaps = await overlapsOf(request, platform, window.id, now)
  const next = occurrences(window, now, daysAfter(now, OVERLAP_HORIZON_DAYS)).slice(0, NEXT_ON_PAGE)
  return renderForm(reply, {
    platform, window, overlaps, next, overlapDays: OVERLAP_HORIZON_DAYS,
    describe: scheduleDescriber(request.i18n), interval: intervalFormatter(request.i18n.locale),
    values: state.values ?? maintenanceValues(window, now), errors: state.errors ?? {},
  })
}

// GET /admin/maintenance/:id
export async function maintenancePage(request: FastifyRequest, reply: FastifyReply) {
  const { window, platform } = await windowOf(request)
  return renderWindow(request, reply, window, platform)
}

/** A cancelled window stays cancelled: posting to it changes nothing and says why. */
function alreadyCancelled(reply: FastifyReply, id: number) {
  reply.flash('error', 'admin.platforms.maintenance.already_cancelled')
  return reply.redirect(windowUrl(id), 303)
}

// POST /admin/maintenance/:id
export async function postMaintenanceUpdate(request: FastifyRequest, reply: FastifyReply) {
  const { window, platform } = await windowOf(request)
  if (window.cancelled_at) return alreadyCancelled(reply, window.id)
  const form = readMaintenanceForm(request.body, platform.regions)
  const errors = maintenanceErrors(form, new Date())
  if (hasErrors(errors)) return renderWindow(request, reply.code(422), window, platform, { values: form, errors })
  await request.server.db.transaction().execute((trx) => updateWindow(trx, window, platform, form, actorOf(request)))
  await flashSaved(request, reply, platform, window.id)
  return reply.redirect(platformUrl(platform), 303)
}

// POST /admin/maintenance/:id/cancel
export async function postMaintenanceCancel(request: FastifyRequest, reply: FastifyReply) {
  const { window, platform } = await windowOf(request)
  if (window.cancelled_at) return alreadyCancelled(reply, window.id)
  await request.server.db.transaction().execute((trx) => cancelWindow(trx, window, platform, actorOf(request)))
  reply.flash('success', 'admin.platforms.maintenance.cancelled')
  return reply.redirect(platformUrl(platform), 303)
}
