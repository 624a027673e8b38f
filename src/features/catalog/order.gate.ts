// The one-time token of a final Order POST, checked before anything else:
// a token that already made an order of this user answers with that order (a
// double click, a reload, a replay: the second answer shows the first order);
// one missing, forged (or issued for another user, contract, service or
// price: the caller passes the fingerprint of the price it would order at now)
// or expired sends the form back with a fresh token.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '../../i18n/index.js'
import { requestNumber } from '../requests/request-number.js'
import { checkOrderToken, issueOrderToken } from './order-token.js'
import { findOrderByToken } from './orders.writes.js'
import type { Orderable } from './order.lookup.js'

export type TokenGate =
  | { outcome: 'replayed'; requestId: number }
  | { outcome: 'refused'; error: MessageKey }
  | { outcome: 'valid'; token: string }

/** Longer than any token issueOrderToken makes: not worth a lookup. */
const TOKEN_MAX = 100

export async function passOrderToken(request: FastifyRequest, found: Orderable, price: string, now: Date): Promise<TokenGate> {
  const raw = (request.body as Record<string, unknown> | undefined)?.order_token
  if (typeof raw !== 'string' || raw === '' || raw.length > TOKEN_MAX) return { outcome: 'refused', error: 'catalog.order.error.token_missing' }
  const earlier = await findOrderByToken(request.server.db, raw)
  if (earlier && earlier.ordered_by === request.user!.id) return { outcome: 'replayed', requestId: earlier.request_id }
  const check = checkOrderToken(request.server.config.sessionSecret, scopeOf(request, found, price), raw, now)
  if (check === 'valid') return { outcome: 'valid', token: raw }
  return { outcome: 'refused', error: check === 'expired' ? 'catalog.order.error.token_expired' : 'catalog.order.error.token_forged' }
}

/** A fresh token for the form being shown, signing the price it shows (showing it writes nothing). */
export function freshOrderToken(request: FastifyRequest, found: Orderable, price: string, now = new Date()): string {
  return issueOrderToken(request.server.config.sessionSecret, scopeOf(request, found, price), now)
}

function scopeOf(request: FastifyRequest, found: Orderable, price: string) {
  return { userId: request.user!.id, contractId: found.viewer.contract.id, serviceCode: found.service.code, price }
}

/** Post/redirect/get to the order's page in Requests; a replay says it was placed already. */
export function showPlacedOrder(reply: FastifyReply, requestId: number, replayed: boolean) {
  const number = requestNumber(requestId)
  reply.flash(replayed ? 'info' : 'success', replayed ? 'catalog.order.flash.already_placed' : 'catalog.order.flash.placed', { number })
  return reply.redirect(`/requests/${number}`, 303)
}
