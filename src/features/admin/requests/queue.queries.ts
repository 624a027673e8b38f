// What the queue reads: every contract's requests, filtered by the view and
// the filters, one page at a time. The page's ids are read first from the
// requests table alone (through requests_status_created, requests_assigned or
// requests_status_due, whichever the view names; "updated" reads the open ones
// through a status index and sorts them by their last update keeping only the
// page: no (status, updated_at) index yet), then their contract, company
// and people: joins never decide the plan over a million rows. The total is
// counted up to a cap, never over the whole table.
import { sql, type ExpressionBuilder } from 'kysely'
import type { Database, Executor } from '../../../db/database.js'
import { OPEN_STATUSES } from '../../requests/request-types.js'
import { requestIdOf } from '../../requests/request-number.js'
import { codeStartingWith } from '../search.js'
import { containsPattern } from '../../../lib/like-pattern.js'
import { pageWindow } from '../records/list-params.js'
import type { QueueFilters } from './queue.filters.js'

export const QUEUE_PAGE_SIZE = 25
/** Counted up to this many; beyond, the page says "more than". */
export const QUEUE_COUNT_CAP = 10_000

function filtered(db: Executor, filters: QueueFilters, staffUserId: number, now: Date) {
  let query = db.selectFrom('requests')
  if (filters.view === 'new') query = query.where('requests.status', '=', 'transmitted').where('requests.assigned_user_id', 'is', null)
  if (filters.view === 'mine') query = query.where('requests.assigned_user_id', '=', staffUserId).where('requests.status', 'in', OPEN_STATUSES)
  if (filters.view === 'open' || filters.view === 'updated') query = query.where('requests.status', 'in', OPEN_STATUSES)
  if (filters.status) query = query.where('requests.status', '=', filters.status)
  if (filters.type) query = query.where('requests.type', '=', filters.type)
  if (filters.overdue) query = query.where('requests.status', 'in', OPEN_STATUSES).where('requests.due_at', '<', now.toISOString())
  if (filters.contract) {
    query = query.where('requests.contract_id', '=', (eb) => eb.selectFrom('contracts').select('contracts.id').where('contracts.code', '=', filters.contract))
  }
  if (filters.q) query = query.where((eb) => searchCondition(eb, filters.q))
  return query
}

/** A request number names one request; other text is looked for in titles and in contract codes (from their start) and names. */
function searchCondition(eb: ExpressionBuilder<Database, 'requests'>, q: string) {
  const id = requestIdOf(q.toUpperCase())
  if (id !== undefined) return eb('requests.id', '=', id)
  const pattern = containsPattern(q)
  const contracts = eb.selectFrom('contracts').select('contracts.id')
    .where(sql<boolean>`(${codeStartingWith(q)} or lower(contracts.name) like ${pattern} escape '\\')`)
  return eb.or([eb(sql<string>`lower(requests.title)`, 'like', sql<string>`${pattern} escape '\\'`), eb('requests.contract_id', 'in', contracts)])
}

export async function listQueue(db: Executor, filters: QueueFilters, staffUserId: number, requestedPage: number, now: Date) {
  const query = filtered(db, filters, staffUserId, now)
  const counted = await db.selectFrom(query.select(sql<number>`1`.as('one')).limit(QUEUE_COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const total = Math.min(Number(counted.n), QUEUE_COUNT_CAP)
  const { page, pages, offset } = pageWindow(requestedPage, total, QUEUE_PAGE_SIZE)
  let ordered = query.select('requests.id')
  if (filters.overdue) ordered = ordered.orderBy('requests.due_at').orderBy('requests.id')
  else if (filters.view === 'all') ordered = ordered.orderBy('requests.created_at', 'desc').orderBy('requests.id', 'desc')
  // Open requests last touched first (a customer's comment, a staff move).
  else if (filters.view === 'updated') ordered = ordered.orderBy('requests.updated_at', 'desc').orderBy('requests.id', 'desc')
  else ordered = ordered.orderBy('requests.created_at').orderBy('requests.id')
  const ids = (await ordered.limit(QUEUE_PAGE_SIZE).offset(offset).execute()).map((row) => row.id)
  return { rows: await describeRequests(db, ids), total, more: Number(counted.n) > QUEUE_COUNT_CAP, page, pages }
}

/** The queue's columns for these requests, in the order given. */
async function describeRequests(db: Executor, ids: number[]) {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('requests')
    .innerJoin('contracts', 'contracts.id', 'requests.contract_id')
    .innerJoin('companies', 'companies.id', 'contracts.company_id')
    .innerJoin('users as author', 'author.id', 'requests.author_user_id')
    .leftJoin('users as assignee', 'assignee.id', 'requests.assigned_user_id')
    .select(['requests.id', 'requests.title', 'requests.type', 'requests.status', 'requests.priority', 'requests.created_at', 'requests.updated_at', 'requests.due_at',
      'contracts.code as contract_code', 'contracts.name as contract_name', 'companies.name as company_name',
      'author.first_name as author_first', 'author.last_name as author_last', 'author.login as author_login',
      'assignee.first_name as assignee_first', 'assignee.last_name as assignee_last'])
    .where('requests.id', 'in', ids).execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.map((id) => byId.get(id)!).filter(Boolean)
}

export type QueueRow = Awaited<ReturnType<typeof describeRequests>>[number]
