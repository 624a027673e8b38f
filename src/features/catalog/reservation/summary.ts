// Step 3 of a reservation: what will be ordered and what it costs (monthly,
// and over the whole commitment), the conditions, then the final Order form
// whose hidden fields (offer, quantity, a fresh token signing both and the
// monthly price) are all the POST needs.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '../../../i18n/index.js'
import type { SubscriptionOffer } from '../../../db/catalog.table.js'
import { freshOrderToken } from '../order.gate.js'
import { reservationPriceFingerprint } from '../order-token.js'
import type { Orderable } from '../order.lookup.js'
import { commitmentTotalCents, reservationPriceOf } from '../order.pricing.js'

export interface PickedOffer {
  offer: SubscriptionOffer
  quantity: number
}

export function renderSummary(request: FastifyRequest, reply: FastifyReply, found: Orderable, picked: PickedOffer, formError?: MessageKey, status = 200) {
  const { offer, quantity } = picked
  return reply.code(status).render('catalog/reservation/summary', {
    contract: found.viewer.contract, service: found.service, offer, quantity,
    price: reservationPriceOf(offer, quantity), commitmentTotal: commitmentTotalCents(offer, quantity),
    orderToken: freshOrderToken(request, found, reservationPriceFingerprint(offer, quantity)), errors: {},
    formError: formError ? request.i18n.t(formError) : undefined, formErrorField: 'order-submit',
  })
}
