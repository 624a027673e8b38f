// The service an order route is about, found through the catalog the
// contract's viewer sees: not sold there (unknown, inactive, another offer,
// the tenant option missing) is a 404; sold but not theirs to order (a
// referent-only service, or one on a grouping contract) is the 403 page
// (browse.refusal.ts); a service whose effect needs another right of its own
// (a support level: contracts manager) is the 403 naming that right.
import type { FastifyRequest } from 'fastify'
import { ForbiddenError, NotFoundError } from '../../lib/http-errors.js'
import { can } from '../../policy/index.js'
import { catalogViewer, findSoldService, refusalOf, type CatalogViewer, type Refusal, type ServiceWithCategory } from './catalog.queries.js'
import { EFFECT_RULES } from './effects.js'

export interface Orderable {
  viewer: CatalogViewer
  service: ServiceWithCategory
  refusal: Refusal | undefined
}

export async function serviceToOrder(request: FastifyRequest): Promise<Orderable> {
  const rights = request.rights!
  const { contract } = rights
  // The guard refuses every POST on a suspended or closed contract: its order
  // pages say so from the start (the guard's own 403 page) rather than offer an Order button that fails.
  if (contract.status !== 'active') throw new ForbiddenError({ section: 'contract_status', level: contract.status })
  const viewer = await catalogViewer(request.server.db, contract, request.user!.id)
  const code = (request.params as { service?: unknown }).service
  const service = typeof code === 'string' ? await findSoldService(request.server.db, viewer, code) : undefined
  if (!service) throw new NotFoundError()
  const needed = EFFECT_RULES[service.effect].customerRight
  if (needed && !can(rights, needed.section, needed.level)) throw new ForbiddenError(needed)
  return { viewer, service, refusal: refusalOf(service, viewer) }
}

/** The URLs of the order pages of a service on a contract. */
export function orderPath(found: Pick<Orderable, 'service' | 'viewer'>, step = ''): string {
  return `/catalog/${encodeURIComponent(found.service.code)}/order${step}?contract=${encodeURIComponent(found.viewer.contract.code)}`
}
