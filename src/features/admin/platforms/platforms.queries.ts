// Reading platforms, their incidents and maintenance windows, each with its
// regions. Writes live in incidents.writes.ts and maintenance.writes.ts.
import type { Executor } from '../../../db/database.js'
import type { Platform, PlatformRegion } from '../../../db/platforms.table.js'
import type { Incident, IncidentStatus } from '../../../db/incidents.table.js'
import type { MaintenanceWindow } from '../../../db/maintenance-windows.table.js'
import { STAFF_TIME_ZONE } from './schedule.js'
import { localDateAndTime } from './recurrence.js'

export interface PlatformWithRegions extends Platform {
  regions: PlatformRegion[]
}
export interface IncidentWithRegions extends Incident {
  regions: PlatformRegion[]
}
export interface WindowWithRegions extends MaintenanceWindow {
  regions: PlatformRegion[]
}

const DAY = 24 * 60 * 60_000
export const INCIDENTS_PAGE_SIZE = 20
export const INCIDENT_FILTERS = ['all', 'open', 'resolved'] as const
export type IncidentFilter = (typeof INCIDENT_FILTERS)[number]

async function withPlatformRegions<T extends { id: number }>(db: Executor, platforms: T[]): Promise<Array<T & { regions: PlatformRegion[] }>> {
  if (platforms.length === 0) return []
  const regions = await db.selectFrom('platform_regions').selectAll().where('platform_id', 'in', platforms.map((p) => p.id)).orderBy('id').execute()
  return platforms.map((platform) => ({ ...platform, regions: regions.filter((region) => region.platform_id === platform.id) }))
}

export async function listPlatforms(db: Executor): Promise<PlatformWithRegions[]> {
  return withPlatformRegions(db, await db.selectFrom('platforms').selectAll().orderBy('position').execute())
}

export async function findPlatformByCode(db: Executor, code: string): Promise<PlatformWithRegions | undefined> {
  const platform = await db.selectFrom('platforms').selectAll().where('code', '=', code).executeTakeFirst()
  return platform ? (await withPlatformRegions(db, [platform]))[0] : undefined
}

export async function findPlatformById(db: Executor, id: number): Promise<PlatformWithRegions> {
  const platform = await db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return (await withPlatformRegions(db, [platform]))[0]!
}

const REGION_COLUMNS = ['platform_regions.id', 'platform_regions.platform_id', 'platform_regions.code', 'platform_regions.name'] as const

/** Each row with the regions its link table names, in the platform's order. */
function attachRegions<T extends { id: number }>(rows: T[], links: Array<PlatformRegion & { owner_id: number }>): Array<T & { regions: PlatformRegion[] }> {
  return rows.map((row) => ({
    ...row,
    regions: links.filter((link) => link.owner_id === row.id).map(({ id, platform_id, code, name }) => ({ id, platform_id, code, name })),
  }))
}

async function withIncidentRegions(db: Executor, rows: Incident[]): Promise<IncidentWithRegions[]> {
  if (rows.length === 0) return []
  const links = await db.selectFrom('incident_regions').innerJoin('platform_regions', 'platform_regions.id', 'incident_regions.region_id')
    .select(['incident_regions.incident_id as owner_id', ...REGION_COLUMNS])
    .where('incident_regions.incident_id', 'in', rows.map((row) => row.id)).orderBy('platform_regions.id').execute()
  return attachRegions(rows, links)
}

async function withWindowRegions(db: Executor, rows: MaintenanceWindow[]): Promise<WindowWithRegions[]> {
  if (rows.length === 0) return []
  const links = await db.selectFrom('maintenance_window_regions').innerJoin('platform_regions', 'platform_regions.id', 'maintenance_window_regions.region_id')
    .select(['maintenance_window_regions.window_id as owner_id', ...REGION_COLUMNS])
    .where('maintenance_window_regions.window_id', 'in', rows.map((row) => row.id)).orderBy('platform_regions.id').execute()
  return attachRegions(rows, links)
}

/** The open incidents of these platforms, the most recent first. */
export async function openIncidentsOf(db: Executor, platformIds: number[]): Promise<IncidentWithRegions[]> {
  if (platformIds.length === 0) return []
  const rows = await db.selectFrom('incidents').selectAll().where('status', '=', 'open').where('platform_id', 'in', platformIds)
    .orderBy('started_at', 'desc').orderBy('id', 'desc').execute()
  return withIncidentRegions(db, rows)
}

/** A page of a platform's incidents: open ones first, then by start, newest first. */
export async function listIncidents(db: Executor, platformId: number, filter: IncidentFilter, page: number) {
  let query = db.selectFrom('incidents').where('platform_id', '=', platformId)
  if (filter !== 'all') query = query.where('status', '=', filter as IncidentStatus)
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('status').orderBy('started_at', 'desc').orderBy('id', 'desc')
      .limit(INCIDENTS_PAGE_SIZE).offset((page - 1) * INCIDENTS_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: await withIncidentRegions(db, rows), total: Number(total.n) }
}

export async function findIncident(db: Executor, id: number): Promise<IncidentWithRegions | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await withIncidentRegions(db, [row]))[0] : undefined
}

/** What customers were told, oldest first, with who wrote it. */
export function incidentUpdates(db: Executor, incidentId: number) {
  return db.selectFrom('incident_updates')
    .leftJoin('users', 'users.id', 'incident_updates.author_user_id')
    .select(['incident_updates.id', 'incident_updates.at', 'incident_updates.status', 'incident_updates.severity', 'incident_updates.text_en',
      'incident_updates.text_fr', 'users.first_name as author_first', 'users.last_name as author_last'])
    .where('incident_id', '=', incidentId).orderBy('incident_updates.at').orderBy('incident_updates.id').execute()
}

/** The last local date whose occurrences may still run at `now`: a rule valid until then is not over. */
function stillRunningSince(now: Date): string {
  return localDateAndTime(new Date(now.getTime() - DAY), STAFF_TIME_ZONE).date
}

/** The windows of these platforms that are neither cancelled nor over at `now`. */
export async function liveWindowsOf(db: Executor, platformIds: number[], now: Date): Promise<WindowWithRegions[]> {
  if (platformIds.length === 0) return []
  const rows = await db.selectFrom('maintenance_windows').selectAll()
    .where('platform_id', 'in', platformIds).where('cancelled_at', 'is', null)
    .where((eb) => eb.or([
      eb.and([eb('kind', '=', 'once'), eb('ends_at', '>', now.toISOString())]),
      eb.and([eb('kind', '=', 'recurring'), eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', stillRunningSince(now))])]),
    ]))
    .orderBy('id').execute()
  return withWindowRegions(db, rows)
}

/** The latest windows of a platform that were cancelled or are over, for the record. */
export function pastWindowsOf(db: Executor, platformId: number, now: Date, limit = 10) {
  return db.selectFrom('maintenance_windows').select(['id', 'kind', 'title_en', 'title_fr', 'cancelled_at', 'ends_at', 'valid_until', 'updated_at'])
    .where('platform_id', '=', platformId)
    .where((eb) => eb.or([
      eb('cancelled_at', 'is not', null),
      eb.and([eb('kind', '=', 'once'), eb('ends_at', '<=', now.toISOString())]),
      eb.and([eb('kind', '=', 'recurring'), eb('valid_until', '<', stillRunningSince(now))]),
    ]))
    .orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export async function findWindow(db: Executor, id: number): Promise<WindowWithRegions | undefined> {
  const row = await db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await withWindowRegions(db, [row]))[0] : undefined
}
