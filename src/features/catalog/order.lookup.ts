// The service an order route is about, found through the catalog the
// contract's viewer sees: not sold there (unknown, inactive, another offer,
// the tenant option missing) is a 404; sold but not theirs to order (a
// referent-only service, or one on a grouping contract) is the 403 page.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import { catalogViewer, findSoldService, refusalOf, type CatalogViewer, type Refusal, type ServiceWithCategory } from './catalog.queries.js'
import { renderRefusal } from './browse.refusal.js'

export interface Orderable {
  viewer: CatalogViewer
  service: ServiceWithCategory
  refusal: Refusal | undefined
}

export async function serviceToOrder(request: FastifyRequest): Promise<Orderable> {
  const { contract } = request.rights!
  const viewer = await catalogViewer(request.server.db, contract, request.user!.id)
  const code = (request.params as { service?: unknown }).service
  const service = typeof code === 'string' ? await findSoldService(request.server.db, viewer, code) : undefined
  if (!service) throw new NotFoundError()
  return { viewer, service, refusal: refusalOf(service, viewer) }
}

/** The catalog's 403 page (shared with "More information"), naming the account manager on a grouping contract. */
export function renderRefused(request: FastifyRequest, reply: FastifyReply, found: Orderable & { refusal: Refusal }) {
  return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
}

/** The URLs of the order pages of a service on a contract. */
export function orderPath(found: Pick<Orderable, 'service' | 'viewer'>, step = ''): string {
  return `/catalog/${encodeURIComponent(found.service.code)}/order${step}?contract=${encodeURIComponent(found.viewer.contract.code)}`
}
