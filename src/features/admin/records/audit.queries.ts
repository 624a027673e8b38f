// The whole audit log for staff: rights changes, security events, staff
// actions. Every filter is an indexed column compared to a value (logins and
// the contract code are turned into ids first), so a page reads its 50 rows
// from an index (audit_log_at, audit_log_contract, or one of the 14th
// migration's) instead of scanning the log.
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { describeDetails } from '../../../audit/details.js'
import type { AuditFilters } from './audit.form.js'
import { endOfParisDay, startOfParisDay } from './paris-days.js'

export const AUDIT_PAGE_SIZE = 50

/** The filters as the database compares them. */
export interface AuditSearch {
  actorId?: number
  targetId?: number
  contractId?: number
  action?: string
  /** Inclusive ISO instant. */
  since?: string
  /** Exclusive ISO instant. */
  until?: string
}

async function userIdOf(db: Executor, login: string): Promise<number | undefined> {
  return (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst())?.id
}

async function contractIdOf(db: Executor, code: string): Promise<number | undefined> {
  return (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirst())?.id
}

/** Valid filters → the search, or messages for the logins and code that name nobody. */
export async function resolveAuditSearch(db: Executor, filters: AuditFilters): Promise<{ search: AuditSearch; errors: FieldErrors }> {
  const errors: FieldErrors = {}
  const search: AuditSearch = {}
  const [actorId, targetId, contractId] = await Promise.all([
    filters.actor ? userIdOf(db, filters.actor) : undefined,
    filters.target ? userIdOf(db, filters.target) : undefined,
    filters.contract ? contractIdOf(db, filters.contract) : undefined,
  ])
  if (filters.actor && actorId === undefined) errors.actor = 'admin.records.audit.error.unknown_user'
  if (filters.target && targetId === undefined) errors.target = 'admin.records.audit.error.unknown_user'
  if (filters.contract && contractId === undefined) errors.contract = 'admin.records.audit.error.unknown_contract'
  if (actorId !== undefined) search.actorId = actorId
  if (targetId !== undefined) search.targetId = targetId
  if (contractId !== undefined) search.contractId = contractId
  if (filters.action) search.action = filters.action
  if (filters.from) search.since = startOfParisDay(filters.from).toISOString()
  if (filters.to) search.until = endOfParisDay(filters.to).toISOString()
  return { search, errors }
}

/** Above this many matches of an action prefix, a page reads the log in time order instead (see matching). */
const PREFIX_SORT_LIMIT = 2_000

/**
 * The entries the search selects. An action prefix matches a range of the
 * action index, whose rows come out by action, not by time: fine for a few
 * thousand rows (sorted in memory), slow for a prefix that matches a large
 * part of the log. With `timeOrder`, the prefix is compared to `action || ''`,
 * which no index serves, so the page walks audit_log_at newest first and stops
 * at the page's end.
 */
function matching(db: Executor, search: AuditSearch, timeOrder = false) {
  let query = db.selectFrom('audit_log')
  if (search.actorId !== undefined) query = query.where('audit_log.actor_user_id', '=', search.actorId)
  if (search.targetId !== undefined) query = query.where('audit_log.target_user_id', '=', search.targetId)
  if (search.contractId !== undefined) query = query.where('audit_log.contract_id', '=', search.contractId)
  if (search.action?.endsWith('.')) {
    // A prefix as a range ('admin.' ≤ action < 'admin/', '/' following '.'): the action index serves it, a LIKE would not.
    const action = timeOrder ? sql<string>`audit_log.action || ''` : sql<string>`audit_log.action`
    query = query.where(action, '>=', search.action).where(action, '<', `${search.action.slice(0, -1)}/`)
  } else if (search.action) {
    query = query.where('audit_log.action', '=', search.action)
  }
  if (search.since) query = query.where('audit_log.at', '>=', search.since)
  if (search.until) query = query.where('audit_log.at', '<', search.until)
  return query
}

export function auditCountQuery(db: Executor, search: AuditSearch) {
  return matching(db, search).select((eb) => eb.fn.countAll<number>().as('n'))
}

export async function countAuditEntries(db: Executor, search: AuditSearch): Promise<number> {
  return Number((await auditCountQuery(db, search).executeTakeFirstOrThrow()).n)
}

function withPeople(db: Executor, search: AuditSearch, timeOrder = false) {
  return matching(db, search, timeOrder)
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_user_id')
    .leftJoin('users as target', 'target.id', 'audit_log.target_user_id')
    .leftJoin('contracts', 'contracts.id', 'audit_log.contract_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.details', 'audit_log.ip',
      'actor.login as actor_login', 'actor.first_name as actor_first', 'actor.last_name as actor_last', 'actor.is_staff as actor_is_staff',
      'target.login as target_login', 'target.first_name as target_first', 'target.last_name as target_last', 'contracts.code as contract_code'])
    .orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc')
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof withPeople>['execute']>>[number]
export type AuditEntryView = AuditRow & { changes: string[] }

const readable = (row: AuditRow): AuditEntryView => ({ ...row, changes: describeDetails(row.details) })

/** One page of entries, newest first, out of `total` matches (a query: the tests read its plan). */
export function auditPageQuery(db: Executor, search: AuditSearch, offset: number, total: number) {
  return withPeople(db, search, total > PREFIX_SORT_LIMIT).limit(AUDIT_PAGE_SIZE).offset(offset)
}

export async function listAuditEntries(db: Executor, search: AuditSearch, offset: number, total: number): Promise<AuditEntryView[]> {
  const rows = await auditPageQuery(db, search, offset, total).execute()
  return rows.map(readable)
}

/** The next `size` entries after `cursor` (the last one of the previous batch), newest first: the CSV export reads the log this way, one short query at a time. */
export async function auditBatchAfter(db: Executor, search: AuditSearch, cursor: { at: string; id: number } | undefined, size: number): Promise<AuditEntryView[]> {
  // The export reads every match: always in time order, each batch starting where the last one stopped.
  let query = withPeople(db, search, true)
  if (cursor) query = query.where((eb) => eb(eb.refTuple('audit_log.at', 'audit_log.id'), '<', eb.tuple(cursor.at, cursor.id)))
  const rows = await query.limit(size).execute()
  return rows.map(readable)
}

/** Every action present in the log, for the filter's suggestions: a skip
 * scan over the action index (one lookup per distinct action) rather than a
 * DISTINCT that reads every row. */
export async function listAuditActions(db: Executor): Promise<string[]> {
  const result = await sql<{ action: string | null }>`
    with recursive actions(action) as (
      select min(action) from audit_log
      union all
      select (select min(action) from audit_log where audit_log.action > actions.action) from actions where actions.action is not null
    )
    select action from actions where action is not null`.execute(db)
  return result.rows.map((row) => row.action!)
}
