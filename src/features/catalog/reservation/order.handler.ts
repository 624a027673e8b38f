// The final Order of a reservation (POST /catalog/:service/order from the
// summary). It works from its hidden fields alone and re-checks them against
// the database: the subscription active and of the service's kinds, the
// instances a whole number from 1 to those left; the price recomputed, and
// signed by the token with both: a subscription or instances altered in the
// page, or a monthly price changed since, is the summary again (422).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import type { MessageKey } from '../../../i18n/index.js'
import { cleanText } from '../../../lib/forms.js'
import { placeOrder } from '../orders.writes.js'
import { passOrderToken, showPlacedOrder } from '../order.gate.js'
import { reservationPriceFingerprint } from '../order-token.js'
import type { Orderable } from '../order.lookup.js'
import { reservationPriceOf } from '../order.pricing.js'
import { reservationAnswers } from './answers.js'
import { renderChoice } from './choose.handler.js'
import { checkQuantity } from './choose.form.js'
import { findOfferOfService, kindsOf } from './offers.queries.js'
import { renderSummary, type PickedOffer } from './summary.js'

export async function sendReservation(request: FastifyRequest, reply: FastifyReply, found: Orderable) {
  const now = new Date()
  const picked = await readPicked(request, found)
  // The token signs the subscription, its monthly price and the instances the summary showed.
  const price = 'errors' in picked ? '' : reservationPriceFingerprint(picked.offer, picked.quantity)
  const gate = await passOrderToken(request, found, price, now)
  if (gate.outcome === 'replayed') return showPlacedOrder(reply, gate.requestId, true)
  if ('errors' in picked) return renderChoice(request, reply, found, picked.values, picked.errors, picked.formError, 422)
  if (gate.outcome === 'refused') return renderSummary(request, reply, found, picked, gate.error, 422)
  const { service, viewer } = found
  const placed = await placeOrder(request.server.db, {
    contract: viewer.contract, service, ordererId: request.user!.id, ip: request.ip, token: gate.token,
    title: request.i18n.locale === 'fr' ? service.name_fr : service.name_en, answers: reservationAnswers(picked),
    ...reservationPriceOf(picked.offer, picked.quantity), quantityAnswered: true, effectInput: { offerId: picked.offer.id, quantity: picked.quantity },
  }, request.server.config.publicUrl, now)
  request.session.reservation = undefined
  return showPlacedOrder(reply, placed.requestId, placed.replayed)
}

type Picked = PickedOffer | { errors: FieldErrors; formError?: MessageKey; values: { kind: string; region: string; flavour: string; quantity: string } }

/** The posted subscription and instances, or why not (shown on step 1, with what can be kept). */
async function readPicked(request: FastifyRequest, found: Orderable): Promise<Picked> {
  const body = (request.body ?? {}) as Record<string, unknown>
  const text = (name: string) => (typeof body[name] === 'string' ? cleanText(body[name] as string) : '')
  const offerId = /^[0-9]{1,9}$/.test(text('offer')) ? Number(text('offer')) : NaN
  const offer = await findOfferOfService(request.server.db, kindsOf(found.service), offerId)
  const quantityText = text('quantity')
  const values = { kind: offer?.kind ?? '', region: offer?.region_code ?? '', flavour: offer?.flavour ?? '', quantity: quantityText }
  if (!offer) return { errors: {}, formError: 'catalog.reservation.error.offer_gone', values }
  const quantity = checkQuantity(quantityText, offer.available_quantity)
  if ('error' in quantity) return { errors: { quantity: quantity.error }, values }
  return { offer, quantity: quantity.quantity }
}
