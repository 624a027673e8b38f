// The one-time token of an order form (ROUTES.md, `order_token`). It is signed,
// not stored: showing a form writes nothing, and a token can't be forged or
// moved to another user, contract or service. It also signs the price the
// form showed (`price`, a fingerprint): a price staff changed since, or a
// reservation's subscription or instances altered in the page, no longer
// checks, and the customer sees the form again with the price of now (issue 9:
// nobody orders at a price they weren't shown). What makes it one-time is the
// UNIQUE order_token of the orders table: a second POST with the same token
// finds the order the first one made (orders.writes.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A form left open longer than this must be shown again (its prices may have changed). */
export const ORDER_TOKEN_LIFETIME_MS = 24 * 3_600_000

export interface OrderTokenScope {
  userId: number
  contractId: number
  serviceCode: string
  /** What the price shown was made of: fixedPriceFingerprint or reservationPriceFingerprint. */
  price: string
}

/** A service priced from the catalog: its pricing, amount and period. */
export function fixedPriceFingerprint(service: { pricing: string; price_cents: number | null; price_period: string | null }): string {
  return `catalog:${service.pricing}:${service.price_cents ?? ''}:${service.price_period ?? ''}`
}

/** A reservation: the subscription picked, its monthly price per instance and the instances. */
export function reservationPriceFingerprint(offer: { id: number; monthly_price_cents: number }, quantity: number): string {
  return `reservation:${offer.id}:${offer.monthly_price_cents}:${quantity}`
}

export type OrderTokenCheck = 'valid' | 'forged' | 'expired'

const FORMAT = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

export function issueOrderToken(secret: string, scope: OrderTokenScope, now: Date): string {
  const issued = now.getTime().toString(36)
  const nonce = randomBytes(16).toString('base64url')
  return `${issued}.${nonce}.${mac(secret, scope, issued, nonce)}`
}

export function checkOrderToken(secret: string, scope: OrderTokenScope, token: string, now: Date): OrderTokenCheck {
  const parts = FORMAT.exec(token)
  if (!parts) return 'forged'
  const [, issued, nonce, signature] = parts
  const expected = Buffer.from(mac(secret, scope, issued!, nonce!))
  if (!timingSafeEqual(expected, Buffer.from(signature!))) return 'forged'
  const age = now.getTime() - parseInt(issued!, 36)
  return age >= 0 && age <= ORDER_TOKEN_LIFETIME_MS ? 'valid' : 'expired'
}

function mac(secret: string, scope: OrderTokenScope, issued: string, nonce: string): string {
  return createHmac('sha256', `order-token:${secret}`)
    .update(`${scope.userId}\n${scope.contractId}\n${scope.serviceCode}\n${scope.price}\n${issued}\n${nonce}`)
    .digest('base64url')
}
