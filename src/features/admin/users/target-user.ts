// The account a /admin/users/:login URL names: logins are stored lower-case
// and made of letters, digits and . _ - (at most 64), so anything else is
// nobody (404) without a query.
import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../lib/http-errors.js'
import { findSupportedUser, type SupportedUser } from './users.queries.js'

const LOGIN = /^[a-z0-9._-]{1,64}$/

export async function targetUser(request: FastifyRequest): Promise<SupportedUser> {
  const login = (request.params as { login: string }).login.toLowerCase()
  const user = LOGIN.test(login) ? await findSupportedUser(request.server.db, login) : undefined
  if (!user) throw new NotFoundError()
  return user
}
