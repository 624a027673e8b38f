// GET /admin/inbox: the customers' messages, the calls to make first, then
// the newest; filtered by status (new by default: what the dashboard counts),
// by who handles them and by kind (message, advisor, call back).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readPage } from '../users/users.filters.js'
import { ASSIGNED_FILTERS, inboxListBase, KIND_FILTERS, readInboxFilters, STATUS_FILTERS } from './inbox.filters.js'
import { INBOX_PAGE_SIZE, listMessages } from './inbox.queries.js'

export async function listInbox(request: FastifyRequest, reply: FastifyReply) {
  const filters = readInboxFilters(request.query)
  const page = readPage(request.query)
  const { rows, total } = await listMessages(request.server.db, filters, request.user!.id, page)
  return reply.render('admin/inbox/index', {
    filters, statuses: STATUS_FILTERS, assignments: ASSIGNED_FILTERS, kinds: KIND_FILTERS, rows, total,
    page, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)), base: inboxListBase(filters),
  })
}
