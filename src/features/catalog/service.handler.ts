// GET /catalog/:service ("More information"): what the service is, its
// price or "on quote", its conditions, what its order form will ask and, for
// a reservation, the subscriptions on offer. A service not sold to the
// contract is a 404; one the viewer may not order (referent-only) a 403.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { parseFieldDefinitions } from '../../lib/field-definitions.js'
import { NotFoundError } from '../../lib/http-errors.js'
import { can } from '../../policy/index.js'
import { catalogViewer, findSoldService, refusalOf } from './catalog.queries.js'
import { kindsOf, listActiveOffers, lowestOfferPrices } from './browse.queries.js'
import { shownPrice } from './browse.price.js'
import { renderRefusal } from './browse.refusal.js'
import { EFFECT_RULES } from './effects.js'

export async function showService(request: FastifyRequest<{ Params: { service: string } }>, reply: FastifyReply) {
  const db = request.server.db
  const rights = request.rights!
  const viewer = await catalogViewer(db, rights.contract, rights.userId)
  const service = await findSoldService(db, viewer, request.params.service)
  if (!service) throw new NotFoundError()
  const refusal = refusalOf(service, viewer)
  if (refusal) return renderRefusal(request, reply, rights.contract, service, refusal)
  const [lowest, offers] = await Promise.all([lowestOfferPrices(db), listActiveOffers(db, kindsOf(service))])
  const needed = EFFECT_RULES[service.effect].customerRight
  return reply.render('catalog/service', {
    contract: rights.contract, service, price: shownPrice(service, lowest), offers,
    definitions: parseFieldDefinitions(service.fields_json),
    // The order form's own rights: services manager, and the effect's (a support level: contracts manager).
    mayOrder: can(rights, 'services', 'manager') && (!needed || can(rights, needed.section, needed.level)) && rights.contract.status === 'active',
  })
}
