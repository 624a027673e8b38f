// GET /admin/requests: the queue of every contract's requests. "New" by
// default (transmitted, taken by nobody), oldest first: the first submitted is
// the first served; overdue ones by due time, the whole history newest first;
// "updated": the open ones last touched first (a customer's comment included).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readPage } from '../users/users.filters.js'
import { REQUEST_STATUSES, REQUEST_TYPES } from '../../requests/request-types.js'
import { QUEUE_SEARCH_MAX, QUEUE_VIEWS, queueListBase, readQueueFilters } from './queue.filters.js'
import { listQueue } from './queue.queries.js'

export async function listRequests(request: FastifyRequest, reply: FastifyReply) {
  const filters = readQueueFilters(request.query)
  const now = new Date()
  const { rows, total, more, page, pages } = await listQueue(request.server.db, filters, request.user!.id, readPage(request.query), now)
  return reply.render('admin/requests/index', {
    filters, views: QUEUE_VIEWS, statuses: REQUEST_STATUSES, types: REQUEST_TYPES, searchMax: QUEUE_SEARCH_MAX,
    rows, total, more, page, pages, base: queueListBase(filters), now: now.toISOString(),
  })
}
