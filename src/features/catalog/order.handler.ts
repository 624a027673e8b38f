// GET/POST /catalog/:service/order: the order form of a service, and the
// final Order (spec 000: no additional step). The POST recomputes everything
// from the catalog (a posted price is never read) and writes nothing unless
// the whole order is placed. Reservation services have steps (reservation/).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readFieldValues } from '../../lib/field-definitions.js'
import { placeOrder } from './orders.writes.js'
import { effectInputOf } from './order.effects.js'
import { definitionsOf, openingValues, renderOrderForm } from './order.form.js'
import { passOrderToken, showPlacedOrder } from './order.gate.js'
import { serviceToOrder } from './order.lookup.js'
import { renderRefusal } from './browse.refusal.js'
import { orderQuantityErrors, priceOf, quantityDefinition } from './order.pricing.js'
import { fixedPriceFingerprint } from './order-token.js'
import { showChoice } from './reservation/choose.handler.js'
import { sendReservation } from './reservation/order.handler.js'

export async function showOrder(request: FastifyRequest, reply: FastifyReply) {
  const found = await serviceToOrder(request)
  if (found.refusal) return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
  if (found.service.pricing === 'reservation') return showChoice(request, reply, found)
  return renderOrderForm(request, reply, found, { values: openingValues(found.service) })
}

export async function sendOrder(request: FastifyRequest, reply: FastifyReply) {
  const found = await serviceToOrder(request)
  if (found.refusal) return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
  if (found.service.pricing === 'reservation') return sendReservation(request, reply, found)
  const { service, viewer } = found
  const now = new Date()
  const definitions = definitionsOf(service)
  const form = readFieldValues(definitions, request.body, request.i18n.locale)
  const gate = await passOrderToken(request, found, fixedPriceFingerprint(service), now)
  if (gate.outcome === 'replayed') return showPlacedOrder(reply, gate.requestId, true)
  if (gate.outcome === 'refused') return renderOrderForm(request, reply, found, { ...form, formError: gate.error }, 422)
  // The quantity is never assumed: a value the price can't be multiplied by is refused.
  const errors = { ...orderQuantityErrors(service, definitions, form.values, request.i18n.locale), ...form.errors }
  if (Object.keys(errors).length > 0) return renderOrderForm(request, reply, found, { values: form.values, errors }, 422)
  const effect = await effectInputOf(request.server.db, service, viewer.contract, { definitions, values: form.values, locale: request.i18n.locale }, now)
  if ('errors' in effect) return renderOrderForm(request, reply, found, { values: form.values, ...effect }, 422)
  const placed = await placeOrder(request.server.db, {
    contract: viewer.contract, service, ordererId: request.user!.id, ip: request.ip, token: gate.token,
    title: request.i18n.locale === 'fr' ? service.name_fr : service.name_en, answers: form.answers,
    ...priceOf(service, definitions, form.values), quantityAnswered: quantityDefinition(service, definitions) !== undefined, effectInput: effect.input,
  }, request.server.config.publicUrl, now)
  return showPlacedOrder(reply, placed.requestId, placed.replayed)
}
