// Step 1 of a reservation (GET /catalog/:service/order shows it, POST
// /catalog/:service/order/choose checks it): a combination no active offer
// sells is refused next to the template, before step 2.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import type { MessageKey } from '../../../i18n/index.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { orderPath, serviceToOrder, type Orderable } from '../order.lookup.js'
import { renderRefusal } from '../browse.refusal.js'
import { choiceErrors, QUANTITY_MAX, readChoiceForm, toChoice, type ChoiceValues } from './choose.form.js'
import { kindsOf, listMatchingOffers, listOfferChoices } from './offers.queries.js'
import { keepReservation, reservationOf } from './state.js'

export async function showChoice(request: FastifyRequest, reply: FastifyReply, found: Orderable) {
  const state = reservationOf(request, found)
  const values: ChoiceValues = state
    ? { kind: state.kind, region: state.region, flavour: state.flavour, quantity: String(state.quantity) }
    : { kind: kindsOf(found.service).length === 1 ? kindsOf(found.service)[0]! : '', region: '', flavour: '', quantity: '1' }
  return renderChoice(request, reply, found, values)
}

export async function sendChoice(request: FastifyRequest, reply: FastifyReply) {
  const found = await reservationToOrder(request)
  if (found.refusal) return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
  const kinds = kindsOf(found.service)
  const values = readChoiceForm(request.body, kinds)
  const errors = choiceErrors(values, kinds, await listOfferChoices(request.server.db, kinds))
  if (Object.keys(errors).length > 0) return renderChoice(request, reply, found, values, errors, undefined, 422)
  const choice = toChoice(values)
  if ((await listMatchingOffers(request.server.db, choice)).length === 0) {
    return renderChoice(request, reply, found, values, { flavour: 'catalog.reservation.error.no_offer' }, undefined, 422)
  }
  keepReservation(request, found, choice)
  return reply.redirect(orderPath(found, '/subscriptions'), 303)
}

/** The service of a reservation step: a service without steps has no such page (404). */
export async function reservationToOrder(request: FastifyRequest): Promise<Orderable> {
  const found = await serviceToOrder(request)
  if (found.service.pricing !== 'reservation') throw new NotFoundError()
  return found
}

export async function renderChoice(request: FastifyRequest, reply: FastifyReply, found: Orderable, values: ChoiceValues, errors: FieldErrors = {}, formError?: MessageKey, status = 200) {
  const kinds = kindsOf(found.service)
  const choices = await listOfferChoices(request.server.db, kinds)
  return reply.code(status).render('catalog/reservation/choose', {
    contract: found.viewer.contract, service: found.service, kinds, ...choices, values, errors, quantityMax: QUANTITY_MAX,
    formError: formError ? request.i18n.t(formError) : undefined, formErrorField: 'region',
  })
}
