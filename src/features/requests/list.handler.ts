// GET /requests: the requests the user may see (src/policy/request-scope.ts),
// filtered, searched and sorted by the URL's query (a bookmarkable GET form),
// 20 a page; the count stops at 1,000 (see list.queries.ts).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { contractsPassing, loadRequestScope, seesAnyRequest, type RequestScope } from '../../policy/index.js'
import { filtersQuery, hasActiveFilters, readRequestedPage, readRequestFilters, SEARCH_MAX, SORTS, type FilterValues } from './list.filters.js'
import { COUNT_CAP, countRequests, listRequests, PAGE_SIZE, type RequestListRow } from './list.queries.js'
import { searchFor } from './list.search.js'
import { requestNumber } from './request-number.js'
import { REQUEST_STATUSES, REQUEST_TYPES } from './request-types.js'

export async function listRequestsPage(request: FastifyRequest, reply: FastifyReply) {
  const read = readRequestFilters(request.query)
  const requested = readRequestedPage(request.query)
  const scope = await loadRequestScope(request.server.db, request.user!)
  if (!read.ok) return renderRequestList(request, reply.code(422), scope, read.values, read.errors)
  const search = searchFor(scope, read.filters)
  const total = await countRequests(request.server.db, search)
  const pages = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / PAGE_SIZE))
  const page = Math.min(requested, pages)
  const found = total === 0 ? [] : await listRequests(request.server.db, search, (page - 1) * PAGE_SIZE)
  const rows = found.map((row) => ({ ...row, number: requestNumber(row.id) }))
  return renderRequestList(request, reply, scope, read.values, {}, { rows, total, page, pages })
}

interface ListPage { rows: Array<RequestListRow & { number: string }>; total: number; page: number; pages: number }

/** The page: with its list, or (422) with the filters' messages and no list. */
export async function renderRequestList(request: FastifyRequest, reply: FastifyReply, scope: RequestScope, values: FilterValues, errors: FieldErrors,
  list: ListPage = { rows: [], total: 0, page: 1, pages: 1 }) {
  const query = filtersQuery(values)
  return reply.render('requests/index', {
    values, errors, ...list, query, capped: list.total > COUNT_CAP, countCap: COUNT_CAP,
    active: hasActiveFilters(values), seesAny: seesAnyRequest(scope), mayCreate: await mayCreateRequest(request, scope),
    contracts: scope.contracts, activeContract: scope.contracts.find((c) => c.code === values.contract.toUpperCase()),
    types: REQUEST_TYPES, statuses: REQUEST_STATUSES, sorts: SORTS, searchMax: SEARCH_MAX,
  })
}

/** Whether the user may create something: an incident (support ≥ visitor) or a change (services manager). */
async function mayCreateRequest(request: FastifyRequest, scope: RequestScope): Promise<boolean> {
  const support = scope.sections.support
  if (support.all.length + support.own.length > 0) return true
  return (await contractsPassing(request.server.db, request.user!.id, { section: 'services', level: 'manager' })).length > 0
}
