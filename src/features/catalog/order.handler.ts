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
import { renderRefused, serviceToOrder } from './order.lookup.js'
import { priceOf } from './order.pricing.js'
import { showChoice } from './reservation/choose.handler.js'
import { sendReservation } from './reservation/order.handler.js'

export async function showOrder(request: FastifyRequest, reply: FastifyReply) {
  const found = await serviceToOrder(request)
  if (found.refusal) return renderRefused(request, reply, { ...found, refusal: found.refusal })
  if (found.service.pricing === 'reservation') return showChoice(request, reply, found)
  return renderOrderForm(request, reply, found, { values: openingValues(found.service) })
}

export async function sendOrder(request: FastifyRequest, reply: FastifyReply) {
  const found = await serviceToOrder(request)
  if (found.refusal) return renderRefused(request, reply, { ...found, refusal: found.refusal })
  if (found.service.pricing === 'reservation') return sendReservation(request, reply, found)
  const { service, viewer } = found
  const now = new Date()
  const definitions = definitionsOf(service)
  const form = readFieldValues(definitions, request.body, request.i18n.locale)
  const gate = await passOrderToken(request, found, now)
  if (gate.outcome === 'replayed') return showPlacedOrder(reply, gate.requestId, true)
  if (gate.outcome === 'refused') return renderOrderForm(request, reply, found, { ...form, formError: gate.error }, 422)
  if (Object.keys(form.errors).length > 0) return renderOrderForm(request, reply, found, form, 422)
  const effect = await effectInputOf(request.server.db, service, viewer.contract, form.values, now)
  if ('errors' in effect) return renderOrderForm(request, reply, found, { values: form.values, ...effect }, 422)
  const price = priceOf(service, definitions, form.values)
  const placed = await placeOrder(request.server.db, {
    contract: viewer.contract, service, ordererId: request.user!.id, ip: request.ip, token: gate.token,
    title: request.i18n.locale === 'fr' ? service.name_fr : service.name_en, answers: form.answers,
    ...price, effectInput: effect.input,
  }, request.server.config.publicUrl, now)
  return showPlacedOrder(reply, placed.requestId, placed.replayed)
}
