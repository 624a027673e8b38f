// Placing an order, exactly once per form: the request (type order, status
// transmitted), its order row carrying the form's one-time token, the audit
// row and the confirmation, in one transaction. The token's UNIQUE index is
// what makes it once: a double click, a reload or a replayed POST that comes
// second finds the first order, before its transaction or by losing the race
// on the index, and answers with it.
import type { DB, Executor } from '../../db/database.js'
import type { CatalogService, PricePeriod } from '../../db/catalog.table.js'
import type { Contract } from '../../db/contracts.table.js'
import { writeAudit } from '../../audit/audit.js'
import { insertRequest, type AnsweredField } from '../requests/requests.writes.js'
import { requestNumber } from '../requests/request-number.js'
import { confirmOrder } from './order-confirmation.js'

export interface NewOrder {
  contract: Pick<Contract, 'id' | 'name' | 'code'>
  service: Pick<CatalogService, 'id' | 'code' | 'name_en' | 'name_fr' | 'pricing' | 'price_period' | 'effect'>
  ordererId: number
  ip: string
  token: string
  /** The request's title, in the orderer's language. */
  title: string
  description?: string
  answers: AnsweredField[]
  /** Recomputed by the server from the catalog, never read from the form. */
  quantity: number
  unitPriceCents: number | null
  totalCents: number | null
  pricePeriod: PricePeriod | null
  /** An answer already shows the quantity (a quantity field, a reservation's instances): the email doesn't repeat it. */
  quantityAnswered?: boolean
  /** What completing the order needs (completion/), e.g. { name } or { offerId, quantity }. */
  effectInput: Record<string, unknown>
}

export interface PlacedOrder {
  requestId: number
  /** True when the token had already made this order: nothing was written now. */
  replayed: boolean
}

/** The order an earlier POST of this token made, if any. */
export async function findOrderByToken(db: Executor, token: string) {
  return db.selectFrom('orders').select(['request_id', 'ordered_by', 'contract_id']).where('order_token', '=', token).executeTakeFirst()
}

export async function placeOrder(db: DB, order: NewOrder, publicUrl: string, now: Date): Promise<PlacedOrder> {
  const earlier = await findOrderByToken(db, order.token)
  if (earlier) return { requestId: earlier.request_id, replayed: true }
  try {
    const requestId = await db.transaction().execute((trx) => writeOrder(trx, order, publicUrl, now))
    return { requestId, replayed: false }
  } catch (error) {
    // Two POSTs of one token at once: the loser's insert broke the UNIQUE index
    // and rolled back whole; it answers with the winner's order.
    const winner = await findOrderByToken(db, order.token)
    if (winner) return { requestId: winner.request_id, replayed: true }
    throw error
  }
}

async function writeOrder(trx: Executor, order: NewOrder, publicUrl: string, now: Date): Promise<number> {
  const requestId = await insertRequest(trx, {
    contractId: order.contract.id, type: 'order', title: order.title, description: order.description ?? '',
    itemCode: order.service.code, fields: order.answers, authorId: order.ordererId,
  }, now)
  await trx.insertInto('orders').values({
    request_id: requestId, contract_id: order.contract.id, service_id: order.service.id, order_token: order.token, ordered_by: order.ordererId,
    quantity: order.quantity, unit_price_cents: order.unitPriceCents, total_cents: order.totalCents, price_period: order.pricePeriod,
    effect: order.service.effect, effect_json: JSON.stringify(order.effectInput), effect_applied_at: null, created_at: now.toISOString(),
  }).execute()
  await writeAudit(trx, {
    action: 'order.placed', actorUserId: order.ordererId, contractId: order.contract.id, ip: order.ip,
    details: { request: requestNumber(requestId), service: order.service.code, quantity: order.quantity, total_cents: order.totalCents },
  })
  await confirmOrder(trx, order.ordererId, {
    requestId, contract: order.contract, service: order.service, answers: order.answers, totalCents: order.totalCents, pricePeriod: order.pricePeriod,
    quantity: order.quantityAnswered ? null : order.quantity,
  }, publicUrl)
  return requestId
}
