// Planning, changing and cancelling maintenance windows, in the caller's
// transaction, each with its audit row.
import { writeAudit } from '../../../audit/audit.js'
import type { Executor } from '../../../db/database.js'
import type { MaintenanceWindow } from '../../../db/maintenance-windows.table.js'
import type { Actor } from './incidents.writes.js'
import type { PlatformWithRegions, WindowWithRegions } from './platforms.queries.js'
import { windowColumns, type MaintenanceForm } from './maintenance.form.js'
import { regionIds } from './texts.form.js'

async function setRegions(trx: Executor, windowId: number, ids: number[]) {
  await trx.deleteFrom('maintenance_window_regions').where('window_id', '=', windowId).execute()
  await trx.insertInto('maintenance_window_regions').values(ids.map((region_id) => ({ window_id: windowId, region_id }))).execute()
}

type Schedule = Pick<MaintenanceWindow, 'kind' | 'starts_at' | 'ends_at' | 'weekday' | 'month_weeks' | 'local_start' | 'duration_minutes' | 'valid_from' | 'valid_until'>

/** What the audit keeps of a window: its schedule and regions, not its texts. */
function scheduleOf(columns: Schedule, regions: string[]) {
  const { kind, starts_at, ends_at, weekday, month_weeks, local_start, duration_minutes, valid_from, valid_until } = columns
  return { kind, starts_at, ends_at, weekday, month_weeks, local_start, duration_minutes, valid_from, valid_until, regions }
}

export async function createWindow(trx: Executor, platform: PlatformWithRegions, form: MaintenanceForm, actor: Actor): Promise<number> {
  const now = new Date().toISOString()
  const columns = windowColumns(form)
  const { id } = await trx.insertInto('maintenance_windows')
    .values({ ...columns, platform_id: platform.id, cancelled_at: null, created_by: actor.userId, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()
  await setRegions(trx, id, regionIds(platform.regions, form.regions))
  await writeAudit(trx, {
    action: 'admin.maintenance.created', actorUserId: actor.userId, ip: actor.ip,
    details: { window_id: id, platform: platform.code, title_en: form.title_en, ...scheduleOf(columns, form.regions) },
  })
  return id
}

export async function updateWindow(trx: Executor, window: WindowWithRegions, platform: PlatformWithRegions, form: MaintenanceForm, actor: Actor) {
  const columns = windowColumns(form)
  await trx.updateTable('maintenance_windows').set({ ...columns, updated_at: new Date().toISOString() }).where('id', '=', window.id).execute()
  await setRegions(trx, window.id, regionIds(platform.regions, form.regions))
  await writeAudit(trx, {
    action: 'admin.maintenance.updated', actorUserId: actor.userId, ip: actor.ip,
    details: {
      window_id: window.id, platform: platform.code,
      before: scheduleOf(window, window.regions.map((region) => region.code)),
      after: scheduleOf(columns, form.regions),
    },
  })
}

export async function cancelWindow(trx: Executor, window: WindowWithRegions, platform: PlatformWithRegions, actor: Actor) {
  const now = new Date().toISOString()
  await trx.updateTable('maintenance_windows').set({ cancelled_at: now, updated_at: now }).where('id', '=', window.id).execute()
  await writeAudit(trx, {
    action: 'admin.maintenance.cancelled', actorUserId: actor.userId, ip: actor.ip,
    details: { window_id: window.id, platform: platform.code, title_en: window.title_en },
  })
}
