// A service's price as the catalog shows it, and the price order of the
// "sort by price" list. Pure: the lowest subscription prices come from
// browse.queries.ts (lowestOfferPrices).
import type { CatalogService } from '../../db/catalog.table.js'
import { kindsOf } from './browse.queries.js'

export type ShownPrice =
  | { kind: 'free' }
  | { kind: 'fixed'; cents: number; period: 'one_time' | 'monthly' }
  | { kind: 'quote' }
  /** From the lowest active subscription of its kinds; none on offer: `cents` undefined. */
  | { kind: 'reservation'; cents: number | undefined }

type Priced = Pick<CatalogService, 'pricing' | 'price_cents' | 'price_period' | 'subscription_kinds'>

export function shownPrice(service: Priced, lowest: Map<string, number>): ShownPrice {
  switch (service.pricing) {
    case 'free': return { kind: 'free' }
    case 'fixed': return { kind: 'fixed', cents: service.price_cents ?? 0, period: service.price_period ?? 'one_time' }
    case 'quote': return { kind: 'quote' }
    case 'reservation': {
      const prices = kindsOf(service).map((kind) => lowest.get(kind)).filter((cents): cents is number => cents !== undefined)
      return { kind: 'reservation', cents: prices.length > 0 ? Math.min(...prices) : undefined }
    }
  }
}

// The price order: free services first, then fixed prices from the cheapest
// (a monthly and a one-time price compared by their amount alone), then the
// reservations from their lowest monthly price (none on offer: after the
// others), then the services on quote, whose price nobody knows yet. Equal
// ranks keep the catalog's order (the sort is stable).
const RANK: Record<ShownPrice['kind'], number> = { free: 0, fixed: 1, reservation: 2, quote: 3 }

export function comparePrices(a: ShownPrice, b: ShownPrice): number {
  return RANK[a.kind] - RANK[b.kind] || amountOf(a) - amountOf(b)
}

function amountOf(price: ShownPrice): number {
  if (price.kind === 'fixed') return price.cents
  if (price.kind === 'reservation') return price.cents ?? Number.MAX_SAFE_INTEGER
  return 0
}
