// The reservation steps' state, kept in the session between the steps (like
// the add-user wizard): only for going back and forth. The final Order POST
// carries everything it needs in its hidden fields and re-reads the database.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SubscriptionKind } from '../../../db/subscriptions.table.js'
import { orderPath, type Orderable } from '../order.lookup.js'

export interface ReservationChoice {
  kind: SubscriptionKind
  region: string
  flavour: string
  quantity: number
}

export interface ReservationState extends ReservationChoice {
  contract: string
  service: string
  /** The subscription picked on step 2. */
  offerId?: number
}

declare module 'fastify' {
  interface Session {
    reservation?: ReservationState
  }
}

/** The steps in progress for this service on this contract, if any. */
export function reservationOf(request: FastifyRequest, found: Orderable): ReservationState | undefined {
  const state = request.session.reservation
  return state && state.contract === found.viewer.contract.code && state.service === found.service.code ? state : undefined
}

export function keepReservation(request: FastifyRequest, found: Orderable, state: ReservationChoice & { offerId?: number }): void {
  request.session.reservation = { ...state, contract: found.viewer.contract.code, service: found.service.code }
}

/** Lost state (another browser, an expired session, another reservation since): step 1 again, saying why. */
export function startAgain(reply: FastifyReply, found: Orderable) {
  reply.flash('info', 'catalog.reservation.start_again')
  return reply.redirect(orderPath(found), 303)
}
