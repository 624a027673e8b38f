// The request a /requests/:number URL names, found only through what the
// signed-in user may see (src/features/requests/visibility.ts): a number that
// isn't one, an unknown request and someone else's are the same 404. One the
// user would see on a contract requiring two factors they haven't turned on
// sends them to enrol, as the contract guard does.
import type { FastifyRequest } from 'fastify'
import { NotFoundError, SecondFactorRequiredError } from '../../lib/http-errors.js'
import { loadRequestScope } from '../../policy/index.js'
import { requestIdOf } from './request-number.js'
import { findVisibleRequest, type VisibleRequest } from './visibility.js'

export async function targetRequest(request: FastifyRequest): Promise<VisibleRequest> {
  const raw = (request.params as { number?: unknown }).number
  const id = typeof raw === 'string' ? requestIdOf(raw) : undefined
  if (id === undefined) throw new NotFoundError()
  const db = request.server.db
  const scope = await loadRequestScope(db, request.user!)
  const found = await findVisibleRequest(db, scope, id)
  if (found) return found
  const enrolFirst = scope.onceEnrolled && (await findVisibleRequest(db, scope.onceEnrolled, id))
  if (enrolFirst) throw new SecondFactorRequiredError(enrolFirst.contract_name)
  throw new NotFoundError()
}
