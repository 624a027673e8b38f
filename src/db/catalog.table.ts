import type { Generated, Selectable } from 'kysely'
import type { SubscriptionKind } from './subscriptions.table.js'

/** The service catalog (issue 9): categories of services, in their order. */
export interface CatalogCategoriesTable {
  id: Generated<number>
  code: string
  name_en: string
  name_fr: string
  position: number
}

export const PRICINGS = ['free', 'fixed', 'quote', 'reservation'] as const
/** free; fixed: price_cents per price_period (times quantity_field); quote: a
 * quote follows the order; reservation: the chosen subscription offer's price. */
export type Pricing = (typeof PRICINGS)[number]

export const PRICE_PERIODS = ['one_time', 'monthly'] as const
export type PricePeriod = (typeof PRICE_PERIODS)[number]

/** What completing an order of the service does (src/features/catalog/completion/). */
export const ORDER_EFFECTS = ['none', 'subscription', 'backup_console', 'support_level', 'rename_contract', 'set_ref1', 'create_tenant'] as const
export type OrderEffect = (typeof ORDER_EFFECTS)[number]

/** A service customers order from the catalog, with its own order form. */
export interface CatalogServicesTable {
  id: Generated<number>
  /** The URL's :service, e.g. modify-contract-name. */
  code: string
  category_id: number
  name_en: string
  name_fr: string
  summary_en: string
  summary_fr: string
  description_en: string
  description_fr: string
  conditions_en: Generated<string>
  conditions_fr: Generated<string>
  pricing: Pricing
  /** Excluding VAT; fixed pricing only. */
  price_cents: number | null
  price_period: PricePeriod | null
  /** The number field the price is multiplied by; null: one. */
  quantity_field: string | null
  /** A JSON array of field definitions (src/lib/field-definitions.ts). */
  fields_json: string
  /** Comma-separated offers it is sold on; null: every offer. */
  offers: string | null
  /** 1: only the contract's referent sees and orders it; never on a multi-services contract. */
  referent_only: Generated<number>
  effect: Generated<OrderEffect>
  /** Reservation pricing: the comma-separated subscription kinds offered. */
  subscription_kinds: string | null
  active: Generated<number>
  position: number
  created_at: string
  updated_at: string
}

/** A subscription customers may reserve: kind × region × template × commitment. */
export interface SubscriptionOffersTable {
  id: Generated<number>
  kind: SubscriptionKind
  region_code: string
  flavour: string
  commitment_months: number
  /** Per instance, excluding VAT. */
  monthly_price_cents: number
  payment_method: 'monthly' | 'upfront'
  /** Instances left to sell: an order asks for at most this many; completing it takes them. */
  available_quantity: number
  active: Generated<number>
  position: number
}

export type CatalogCategory = Selectable<CatalogCategoriesTable>
export type CatalogService = Selectable<CatalogServicesTable>
export type SubscriptionOffer = Selectable<SubscriptionOffersTable>
