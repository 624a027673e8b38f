// The request a /requests/:number URL names, found only through what the
// signed-in user may see (src/features/requests/visibility.ts): a number that
// isn't one, an unknown request and someone else's are the same 404.
import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import { loadRequestScope } from '../../policy/index.js'
import { requestIdOf } from './request-number.js'
import { findVisibleRequest, type VisibleRequest } from './visibility.js'

export async function targetRequest(request: FastifyRequest): Promise<VisibleRequest> {
  const raw = (request.params as { number?: unknown }).number
  const id = typeof raw === 'string' ? requestIdOf(raw) : undefined
  if (id === undefined) throw new NotFoundError()
  const db = request.server.db
  const found = await findVisibleRequest(db, await loadRequestScope(db, request.user!.id), id)
  if (!found) throw new NotFoundError()
  return found
}
