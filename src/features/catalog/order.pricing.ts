// What an order costs, recomputed by the server from the catalog every time
// (spec 000: the estimate shown before the Order button; issue 9: a price
// posted with the form is never read). Pure: the catalog row and the answers in.
import type { CatalogService, PricePeriod, SubscriptionOffer } from '../../db/catalog.table.js'
import type { FieldDefinition, FieldLocale } from '../../lib/field-definitions.js'
import type { FieldErrors } from '../../lib/forms.js'

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

/** The quantity field's value when it is a whole number within the field's bounds; undefined otherwise. */
export function typedQuantity(definition: FieldDefinition, values: Record<string, string>): number | undefined {
  const raw = values[definition.name] ?? ''
  if (!/^[0-9]{1,9}$/.test(raw)) return undefined
  const typed = Number(raw)
  const tooLow = typed < Math.max(definition.min ?? 1, 1)
  const tooHigh = definition.max !== undefined && typed > definition.max
  return tooLow || tooHigh ? undefined : typed
}

/** The quantity the estimate shows: the one typed, else the field's minimum (or 1)
 * until something valid is typed. Only the estimate falls back: the order POST
 * refuses a quantity it can't read (orderQuantityError). */
export function quantityOf(service: Priced, definitions: FieldDefinition[], values: Record<string, string>): number {
  const definition = quantityDefinition(service, definitions)
  if (!definition) return 1
  return typedQuantity(definition, values) ?? Math.max(definition.min ?? 1, 1)
}

/** The order's quantity field missing, not a whole number or out of its bounds: the message next to it. */
export function orderQuantityErrors(service: Priced, definitions: FieldDefinition[], values: Record<string, string>, locale: FieldLocale): FieldErrors {
  const definition = quantityDefinition(service, definitions)
  if (!definition || typedQuantity(definition, values) !== undefined) return {}
  const params = { label: definition.label[locale], min: Math.max(definition.min ?? 1, 1), max: definition.max ?? '—' }
  return { [definition.name]: { key: 'catalog.order.error.quantity', params } }
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
