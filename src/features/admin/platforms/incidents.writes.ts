// Opening, updating and closing an incident, in the caller's transaction:
// the incident row says what is true now, incident_updates keeps what
// customers were told and when, the audit log who did it.
import { writeAudit } from '../../../audit/audit.js'
import type { Executor } from '../../../db/database.js'
import type { IncidentSeverity } from '../../../db/incidents.table.js'
import type { IncidentWithRegions, PlatformWithRegions } from './platforms.queries.js'
import type { CloseForm, IncidentForm } from './incident.form.js'
import { regionIds } from './texts.form.js'

export interface Actor {
  userId: number
  ip: string
}

async function setRegions(trx: Executor, incidentId: number, ids: number[]) {
  await trx.deleteFrom('incident_regions').where('incident_id', '=', incidentId).execute()
  await trx.insertInto('incident_regions').values(ids.map((region_id) => ({ incident_id: incidentId, region_id }))).execute()
}

export async function openIncident(trx: Executor, platform: PlatformWithRegions, form: IncidentForm, startedAt: Date, actor: Actor): Promise<number> {
  const now = new Date().toISOString()
  const severity = form.severity as IncidentSeverity
  const { id } = await trx.insertInto('incidents').values({
    platform_id: platform.id, severity, status: 'open', title_en: form.title_en, title_fr: form.title_fr, text_en: form.text_en, text_fr: form.text_fr,
    started_at: startedAt.toISOString(), resolved_at: null, created_by: actor.userId, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow()
  await setRegions(trx, id, regionIds(platform.regions, form.regions))
  await trx.insertInto('incident_updates').values({
    incident_id: id, at: now, author_user_id: actor.userId, status: 'open', severity, text_en: form.text_en, text_fr: form.text_fr,
  }).execute()
  await writeAudit(trx, {
    action: 'admin.incident.opened', actorUserId: actor.userId, ip: actor.ip,
    details: { incident_id: id, platform: platform.code, severity, regions: form.regions, title_en: form.title_en, started_at: startedAt.toISOString() },
  })
  return id
}

export async function updateIncident(trx: Executor, incident: IncidentWithRegions, platform: PlatformWithRegions, form: IncidentForm, actor: Actor) {
  const now = new Date().toISOString()
  const severity = form.severity as IncidentSeverity
  await trx.updateTable('incidents').set({
    severity, title_en: form.title_en, title_fr: form.title_fr, text_en: form.text_en, text_fr: form.text_fr, updated_at: now,
  }).where('id', '=', incident.id).execute()
  await setRegions(trx, incident.id, regionIds(platform.regions, form.regions))
  await trx.insertInto('incident_updates').values({
    incident_id: incident.id, at: now, author_user_id: actor.userId, status: 'open', severity, text_en: form.text_en, text_fr: form.text_fr,
  }).execute()
  await writeAudit(trx, {
    action: 'admin.incident.updated', actorUserId: actor.userId, ip: actor.ip,
    details: {
      incident_id: incident.id, platform: platform.code,
      before: { severity: incident.severity, regions: incident.regions.map((region) => region.code) },
      after: { severity, regions: form.regions },
    },
  })
}

export async function closeIncident(trx: Executor, incident: IncidentWithRegions, platform: PlatformWithRegions, form: CloseForm, actor: Actor) {
  const now = new Date().toISOString()
  await trx.updateTable('incidents').set({
    status: 'resolved', resolved_at: now, text_en: form.close_text_en, text_fr: form.close_text_fr, updated_at: now,
  }).where('id', '=', incident.id).execute()
  await trx.insertInto('incident_updates').values({
    incident_id: incident.id, at: now, author_user_id: actor.userId, status: 'resolved', severity: incident.severity,
    text_en: form.close_text_en, text_fr: form.close_text_fr,
  }).execute()
  await writeAudit(trx, {
    action: 'admin.incident.closed', actorUserId: actor.userId, ip: actor.ip,
    details: { incident_id: incident.id, platform: platform.code, started_at: incident.started_at, resolved_at: now },
  })
}
