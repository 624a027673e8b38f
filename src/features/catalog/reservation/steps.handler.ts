// Steps 2 and 3 of a reservation: the available subscriptions matching the
// choice of step 1 (those with fewer instances left than asked shown but not
// selectable), then the summary with the final Order form. Without the state
// of the earlier steps, back to step 1 with a message.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { field } from '../../../lib/forms.js'
import { orderPath } from '../order.lookup.js'
import { renderRefusal } from '../browse.refusal.js'
import { reservationToOrder } from './choose.handler.js'
import { listMatchingOffers } from './offers.queries.js'
import { renderSummary } from './summary.js'
import { keepReservation, reservationOf, startAgain } from './state.js'

export async function showSubscriptions(request: FastifyRequest, reply: FastifyReply) {
  const found = await reservationToOrder(request)
  if (found.refusal) return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
  const state = reservationOf(request, found)
  if (!state) return startAgain(reply, found)
  return renderSubscriptions(request, reply, found, state, String(state.offerId ?? ''))
}

export async function chooseSubscription(request: FastifyRequest, reply: FastifyReply) {
  const found = await reservationToOrder(request)
  if (found.refusal) return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
  const state = reservationOf(request, found)
  if (!state) return startAgain(reply, found)
  const picked = field(request.body, 'offer')
  const offer = (await listMatchingOffers(request.server.db, state)).find((one) => String(one.id) === picked)
  const error = !offer ? 'catalog.reservation.error.offer_choose' : offer.available_quantity < state.quantity ? 'catalog.reservation.error.offer_short' : undefined
  if (error) return renderSubscriptions(request, reply, found, state, picked, { offer: error }, 422)
  keepReservation(request, found, { ...state, offerId: offer!.id })
  return reply.redirect(orderPath(found, '/summary'), 303)
}

export async function showSummary(request: FastifyRequest, reply: FastifyReply) {
  const found = await reservationToOrder(request)
  if (found.refusal) return renderRefusal(request, reply, found.viewer.contract, found.service, found.refusal)
  const state = reservationOf(request, found)
  if (!state) return startAgain(reply, found)
  const offer = (await listMatchingOffers(request.server.db, state)).find((one) => one.id === state.offerId)
  // Picked nothing yet, or the subscription went (deactivated, sold out) since: pick again.
  if (!offer || offer.available_quantity < state.quantity) return reply.redirect(orderPath(found, '/subscriptions'), 303)
  return renderSummary(request, reply, found, { offer, quantity: state.quantity })
}

async function renderSubscriptions(request: FastifyRequest, reply: FastifyReply, found: Awaited<ReturnType<typeof reservationToOrder>>,
  state: NonNullable<ReturnType<typeof reservationOf>>, picked: string, errors: FieldErrors = {}, status = 200) {
  const offers = await listMatchingOffers(request.server.db, state)
  return reply.code(status).render('catalog/reservation/subscriptions', {
    contract: found.viewer.contract, service: found.service, state, offers, picked, errors,
  })
}
