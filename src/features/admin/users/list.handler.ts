// GET /admin/users: every account, searched by login, email, name or company
// and filtered by state (the dashboard links its locked accounts here).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readPage, readUserFilters, usersListBase, USER_STATES, SEARCH_MAX } from './users.filters.js'
import { searchUsers, USERS_PAGE_SIZE } from './users.queries.js'

export async function listUsers(request: FastifyRequest, reply: FastifyReply) {
  const filters = readUserFilters(request.query)
  const page = readPage(request.query)
  const { rows, total } = await searchUsers(request.server.db, filters, page)
  return reply.render('admin/users/index', {
    filters, states: USER_STATES, searchMax: SEARCH_MAX, rows, total,
    page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), base: usersListBase(filters),
  })
}
