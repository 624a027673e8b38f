// The Requests list's queries. The user's scope (contract ids per section,
// src/policy/request-scope.ts) is narrowed by the filters before it becomes
// the query's condition: a type is a section, a contract keeps its own ids
// only, so the condition stays "section = ? and contract_id in (…)", which
// the index requests_contract_created (contract_id, section, created_at)
// answers. A page reads its ids first (from the index) and joins the rest
// for those 20 rows only; the count stops at COUNT_CAP.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import type { Database, Executor } from '../../db/database.js'
import type { RequestScope } from '../../policy/index.js'
import { requestIdOf } from './request-number.js'
import { REQUEST_TYPE_TABLE, type RequestStatus, type RequestType } from './request-types.js'
import { visibleTo } from './visibility.js'
import type { Sort } from './list.filters.js'
import { containsPattern } from '../../lib/like-pattern.js'

export const PAGE_SIZE = 20
/** Counting stops here: past it the page says "more than 1,000" and the pages stop at the 50th. */
export const COUNT_CAP = 1000

export interface RequestSearch {
  scope: RequestScope
  /** One contract of the scope, or every one. */
  contractId?: number
  status?: RequestStatus
  type?: RequestType
  q: string
  sort: Sort
}

/** The scope reduced to what the type and contract filters leave. The
 * user's own requests on the contracts they hold (`authored`, any section)
 * become, with a type, the `own` contracts of that section, so that the
 * condition keeps its section. */
export function narrowScope(scope: RequestScope, search: Pick<RequestSearch, 'contractId' | 'type'>): RequestScope {
  const keep = (ids: number[]) => (search.contractId === undefined ? ids : ids.filter((id) => id === search.contractId))
  const section = search.type ? REQUEST_TYPE_TABLE[search.type].section : undefined
  const sections = Object.fromEntries(Object.entries(scope.sections).map(([name, { all, own }]) => {
    if (section === undefined) return [name, { all: keep(all), own: keep(own) }]
    if (name !== section) return [name, { all: [], own: [] }]
    return [name, { all: keep(all), own: keep([...new Set([...own, ...scope.authored])].filter((id) => !all.includes(id))) }]
  })) as RequestScope['sections']
  return { ...scope, sections, authored: section === undefined ? keep(scope.authored) : [] }
}

type RequestsEb = ExpressionBuilder<Database, 'requests'>

/** The search text: an exact request number (REQ-000123), or part of a request's title or of its contract's name or code. */
function matchesSearch(scope: RequestScope, q: string) {
  return (eb: RequestsEb) => {
    const id = requestIdOf(q.toUpperCase())
    if (id !== undefined) return eb('requests.id', '=', id)
    // Contract names and codes are matched on the scope the page already
    // holds: no join to contracts for every candidate request.
    const needle = q.toLocaleLowerCase()
    const contractIds = scope.contracts.filter((c) => c.name.toLocaleLowerCase().includes(needle) || c.code.toLowerCase().includes(needle)).map((c) => c.id)
    const title = eb(sql`lower(requests.title)`, 'like', sql`${containsPattern(q)} escape '\\'`)
    return contractIds.length > 0 ? eb.or([title, eb('requests.contract_id', 'in', contractIds)]) : title
  }
}

function matching(db: Executor, search: RequestSearch) {
  let query = db.selectFrom('requests').where(visibleTo(narrowScope(search.scope, search)))
  // `status || ''` keeps the planner off the staff queue's index (status,
  // created_at), which would read every request of that status on the
  // platform instead of the user's contracts' ones. (SQLite's usual `+status`
  // is not valid on PostgreSQL; this is, on both.)
  if (search.status) query = query.where(sql`requests.status || ''`, '=', search.status)
  if (search.q) query = query.where(matchesSearch(search.scope, search.q))
  return query
}

function sorted<O>(query: SelectQueryBuilder<Database, 'requests', O>, sort: Sort) {
  const direction = sort === 'date_asc' ? 'asc' : 'desc'
  return query.orderBy('requests.created_at', direction).orderBy('requests.id', direction)
}

/** How many requests match, counted up to COUNT_CAP + 1 (more is "more than 1,000"). */
export async function countRequests(db: Executor, search: RequestSearch): Promise<number> {
  const capped = matching(db, search).select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1)
  const row = await db.selectFrom(capped.as('capped')).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

function withDetails(db: Executor, ids: SelectQueryBuilder<Database, 'requests', { id: number }>) {
  return db.selectFrom(ids.as('page'))
    .innerJoin('requests', 'requests.id', 'page.id')
    .innerJoin('contracts', 'contracts.id', 'requests.contract_id')
    .select(['requests.id', 'requests.title', 'requests.type', 'requests.status', 'requests.created_at', 'requests.updated_at',
      'contracts.code as contract_code', 'contracts.name as contract_name'])
}

/** One page of the list, in the chosen order. */
export async function listRequests(db: Executor, search: RequestSearch, offset: number, limit = PAGE_SIZE) {
  const ids = sorted(matching(db, search).select('requests.id'), search.sort).limit(limit).offset(offset)
  return sorted(withDetails(db, ids), search.sort).execute()
}

export type RequestListRow = Awaited<ReturnType<typeof listRequests>>[number]

export interface ListCursor {
  createdAt: string
  id: number
}

/** The next `limit` requests after `cursor` in the chosen order (the CSV export reads the whole list this way, batch by batch). */
export async function requestsAfter(db: Executor, search: RequestSearch, cursor: ListCursor | undefined, limit: number): Promise<RequestListRow[]> {
  let ids = matching(db, search).select('requests.id')
  if (cursor) {
    const after = search.sort === 'date_asc' ? '>' : '<'
    ids = ids.where((eb) => eb.or([
      eb('requests.created_at', after, cursor.createdAt),
      eb.and([eb('requests.created_at', '=', cursor.createdAt), eb('requests.id', after, cursor.id)]),
    ]))
  }
  return sorted(withDetails(db, sorted(ids, search.sort).limit(limit)), search.sort).execute()
}
