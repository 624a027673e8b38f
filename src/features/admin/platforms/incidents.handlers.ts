// Incidents: open one on a platform, follow it with updates customers read,
// close it. Each action is one transaction with its incident_updates and
// audit rows, then a notice on the incident's page (post/redirect/get).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { closeErrors, incidentErrors, newIncidentValues, readCloseForm, readIncidentForm, startedAt, type CloseForm, type IncidentForm } from './incident.form.js'
import { closeIncident, openIncident, updateIncident } from './incidents.writes.js'
import { actorOf, idParam, platformOfQuery } from './params.js'
import { findIncident, findPlatformById, incidentUpdates, type IncidentWithRegions, type PlatformWithRegions } from './platforms.queries.js'

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0
const incidentUrl = (id: number) => `/admin/incidents/${id}`

// GET /admin/incidents/new?platform=
export async function newIncidentPage(request: FastifyRequest, reply: FastifyReply) {
  const platform = await platformOfQuery(request)
  return reply.render('admin/platforms/incident-new', { platform, values: newIncidentValues(new Date()) })
}

// POST /admin/incidents/new?platform=
export async function createIncident(request: FastifyRequest, reply: FastifyReply) {
  const platform = await platformOfQuery(request)
  const form = readIncidentForm(request.body, platform.regions)
  const errors = incidentErrors(form, new Date(), { withStart: true })
  if (hasErrors(errors)) return reply.code(422).render('admin/platforms/incident-new', { platform, values: form, errors })
  const id = await request.server.db.transaction().execute((trx) => openIncident(trx, platform, form, startedAt(form)!, actorOf(request)))
  reply.flash('success', 'admin.platforms.incident.opened', { platform: platform.name })
  return reply.redirect(incidentUrl(id), 303)
}

async function incidentOf(request: FastifyRequest) {
  const incident = await findIncident(request.server.db, idParam(request))
  if (!incident) throw new NotFoundError()
  return { incident, platform: await findPlatformById(request.server.db, incident.platform_id) }
}

/** The update form starts from what customers read now. */
const currentValues = (incident: IncidentWithRegions): IncidentForm => ({
  severity: incident.severity, regions: incident.regions.map((region) => region.code), title_en: incident.title_en, title_fr: incident.title_fr,
  text_en: incident.text_en, text_fr: incident.text_fr, start_date: '', start_time: '',
})

interface IncidentPageState { values?: IncidentForm; closeValues?: CloseForm; errors?: FieldErrors }

async function renderIncident(request: FastifyRequest, reply: FastifyReply, incident: IncidentWithRegions, platform: PlatformWithRegions, state: IncidentPageState = {}) {
  const updates = await incidentUpdates(request.server.db, incident.id)
  return reply.render('admin/platforms/incident', {
    incident, platform, updates, values: state.values ?? currentValues(incident), closeValues: state.closeValues ?? { close_text_en: '', close_text_fr: '' }, errors: state.errors ?? {},
  })
}

// GET /admin/incidents/:id
export async function incidentPage(request: FastifyRequest, reply: FastifyReply) {
  const { incident, platform } = await incidentOf(request)
  return renderIncident(request, reply, incident, platform)
}

/** A resolved incident is history: posting to it changes nothing and says why. */
function alreadyResolved(reply: FastifyReply, id: number) {
  reply.flash('error', 'admin.platforms.incident.already_resolved')
  return reply.redirect(incidentUrl(id), 303)
}

// POST /admin/incidents/:id
export async function postIncidentUpdate(request: FastifyRequest, reply: FastifyReply) {
  const { incident, platform } = await incidentOf(request)
  if (incident.status !== 'open') return alreadyResolved(reply, incident.id)
  const form = readIncidentForm(request.body, platform.regions)
  const errors = incidentErrors(form, new Date(), { withStart: false })
  if (hasErrors(errors)) return renderIncident(request, reply.code(422), incident, platform, { values: form, errors })
  await request.server.db.transaction().execute((trx) => updateIncident(trx, incident, platform, form, actorOf(request)))
  reply.flash('success', 'admin.platforms.incident.updated')
  return reply.redirect(incidentUrl(incident.id), 303)
}

// POST /admin/incidents/:id/close
export async function postIncidentClose(request: FastifyRequest, reply: FastifyReply) {
  const { incident, platform } = await incidentOf(request)
  if (incident.status !== 'open') return alreadyResolved(reply, incident.id)
  const form = readCloseForm(request.body)
  const errors = closeErrors(form)
  if (hasErrors(errors)) return renderIncident(request, reply.code(422), incident, platform, { closeValues: form, errors })
  await request.server.db.transaction().execute((trx) => closeIncident(trx, incident, platform, form, actorOf(request)))
  reply.flash('success', 'admin.platforms.incident.closed')
  return reply.redirect(incidentUrl(incident.id), 303)
}
