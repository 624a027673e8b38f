// The route guard: every route declares its policy in `config`, and this is
// how a `{ section, level }` policy is enforced.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ForbiddenError, NotFoundError } from '../lib/http-errors.js'
import { can, loadRights } from './rights.js'
import type { Level, Section } from './rights-table.js'

export type RoutePolicy = 'authenticated' | { section: Section; level: Level }

/** Finds the contract named by the route (`:code`, `?contract=` or a
 * `contract` form field) through the user's roles: 404 when they hold none on
 * it, 403 when their role is below the policy. */
export function contractGuard(policy: { section: Section; level: Level }): preHandlerAsyncHookHandler {
  return async function guardContract(request) {
    const code = contractCodeOf(request)
    const rights = code && request.user ? await loadRights(request.server.db, request.user.id, code) : undefined
    if (!rights) throw new NotFoundError()
    request.rights = rights
    if (!can(rights, policy.section, policy.level)) throw new ForbiddenError(policy)
  }
}

function contractCodeOf(request: FastifyRequest): string | undefined {
  const sources = [request.params, request.query, request.body] as Array<Record<string, unknown> | undefined>
  const [fromParams, fromQuery, fromBody] = sources
  const code = fromParams?.code ?? fromQuery?.contract ?? fromBody?.contract
  return typeof code === 'string' && code.length <= 32 ? code : undefined
}
