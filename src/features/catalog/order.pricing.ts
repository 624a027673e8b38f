// What an order costs, recomputed by the server from the catalog every time
// (spec 000: the estimate shown before the Order button; issue 9: a price
// posted with the form is never read). Pure: the catalog row and the answers in.
import type { CatalogService, PricePeriod, SubscriptionOffer } from '../../db/catalog.table.js'
import type { FieldDefinition } from '../../lib/field-definitions.js'

export interface OrderPrice {
  quantity: number
  /** Null: free or on quote. */
  unitPriceCents: number | null
  totalCents: number | null
  pricePeriod: PricePeriod | null
}

type Priced = Pick<CatalogService, 'pricing' | 'price_cents' | 'price_period' | 'quantity_field'>

/** The quantity field's definition, when the price is multiplied by one. */
export function quantityDefinition(service: Priced, definitions: FieldDefinition[]): FieldDefinition | undefined {
  if (service.pricing !== 'fixed' || service.quantity_field === null) return undefined
  return definitions.find((definition) => definition.name === service.quantity_field && definition.type === 'number')
}

/** The quantity the estimate uses: the quantity field's whole-number value
 * within its bounds, else its minimum (or 1) until something valid is typed. */
export function quantityOf(service: Priced, definitions: FieldDefinition[], values: Record<string, string>): number {
  const definition = quantityDefinition(service, definitions)
  if (!definition) return 1
  const fallback = Math.max(definition.min ?? 1, 1)
  const raw = values[definition.name] ?? ''
  if (!/^[0-9]{1,9}$/.test(raw)) return fallback
  const typed = Number(raw)
  const tooLow = typed < (definition.min ?? 1)
  const tooHigh = definition.max !== undefined && typed > definition.max
  return tooLow || tooHigh ? fallback : typed
}

/** The price of a service priced from the catalog (free, fixed, quote). */
export function priceOf(service: Priced, definitions: FieldDefinition[], values: Record<string, string>): OrderPrice {
  const quantity = quantityOf(service, definitions, values)
  if (service.pricing !== 'fixed' || service.price_cents === null) return { quantity, unitPriceCents: null, totalCents: null, pricePeriod: null }
  return { quantity, unitPriceCents: service.price_cents, totalCents: service.price_cents * quantity, pricePeriod: service.price_period ?? 'one_time' }
}

/** A reservation: the subscription's monthly price per instance, times the instances. */
export function reservationPriceOf(offer: Pick<SubscriptionOffer, 'monthly_price_cents'>, quantity: number): OrderPrice {
  return { quantity, unitPriceCents: offer.monthly_price_cents, totalCents: offer.monthly_price_cents * quantity, pricePeriod: 'monthly' }
}

/** What the whole commitment costs (shown on the summary; the order stores the monthly total). */
export function commitmentTotalCents(offer: Pick<SubscriptionOffer, 'monthly_price_cents' | 'commitment_months'>, quantity: number): number {
  return offer.monthly_price_cents * quantity * offer.commitment_months
}
