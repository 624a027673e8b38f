import type { Generated, Selectable } from 'kysely'
import type { OrderEffect, PricePeriod } from './catalog.table.js'

/** What an order request (requests.type = 'order') ordered, at what price, and what completing it does. */
export interface OrdersTable {
  request_id: number
  contract_id: number
  service_id: number
  /** The form's one-time token (UNIQUE): a replayed POST finds this order instead of making another. */
  order_token: string
  ordered_by: number
  quantity: Generated<number>
  /** Recomputed by the server from the catalog; null: free or on quote. */
  unit_price_cents: number | null
  total_cents: number | null
  price_period: PricePeriod | null
  /** Copied from the service when ordered: a later catalog edit doesn't change what completion does. */
  effect: OrderEffect
  /** The effect's input, e.g. {"name":"…"} or {"offerId":3,"quantity":2}. */
  effect_json: Generated<string>
  /** Set once, by the transaction that completes the order: an effect never runs twice. */
  effect_applied_at: string | null
  created_at: string
}

export type Order = Selectable<OrdersTable>
