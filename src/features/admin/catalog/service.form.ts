// The service form (create and edit): what a service says in both languages,
// how it is priced, which offers sell it, who may order it, what completing
// an order does, and its own order form as field definitions (JSON).
import { cleanMultiline, cleanText, field } from '../../../lib/forms.js'
import { OFFERS } from '../../../db/contracts.table.js'
import { SUBSCRIPTION_KINDS } from '../../../db/subscriptions.table.js'
import type { CatalogService } from '../../../db/catalog.table.js'
import { formatEurosForInput } from './money.js'
import { ticked } from './form-values.js'

export const SERVICE_TEXTS = ['name_en', 'name_fr', 'summary_en', 'summary_fr', 'description_en', 'description_fr', 'conditions_en', 'conditions_fr'] as const
export type ServiceText = (typeof SERVICE_TEXTS)[number]

/** Longest accepted value of each text (the inputs' maxlength too). */
export const SERVICE_TEXT_MAX: Record<ServiceText, number> = {
  name_en: 200, name_fr: 200, summary_en: 300, summary_fr: 300,
  description_en: 5000, description_fr: 5000, conditions_en: 2000, conditions_fr: 2000,
}
/** The definitions' JSON: room for some forty fields written out with indentation. */
export const FIELDS_JSON_MAX = 50_000

export interface ServiceForm extends Record<ServiceText, string> {
  /** Typed on the new-service form only: the code never changes (see catalog.routes.ts). */
  code: string
  category: string
  pricing: string
  price: string
  price_period: string
  quantity_field: string
  /** The offers ticked; none: every offer. */
  offers: string[]
  referent_only: boolean
  effect: string
  subscription_kinds: string[]
  active: boolean
  position: string
  fields_json: string
}

/** The row's columns the form writes: all but the id, the code (set once, at
 * creation) and the timestamps (the queries set them). */
export type ServiceColumns = Omit<CatalogService, 'id' | 'code' | 'created_at' | 'updated_at'>

export function readServiceForm(body: unknown): ServiceForm {
  const text = (name: string) => cleanText(field(body, name))
  const texts = Object.fromEntries(SERVICE_TEXTS.map((name) => [name, name.startsWith('name_') || name.startsWith('summary_') ? text(name) : cleanMultiline(field(body, name))]))
  return {
    ...(texts as Record<ServiceText, string>),
    code: text('code'), category: text('category'), pricing: text('pricing'), price: text('price'), price_period: text('price_period'),
    quantity_field: text('quantity_field'), offers: OFFERS.filter((offer) => ticked(body, `offer_${offer}`)),
    referent_only: ticked(body, 'referent_only'), effect: text('effect'),
    subscription_kinds: SUBSCRIPTION_KINDS.filter((kind) => ticked(body, `kind_${kind}`)),
    active: ticked(body, 'active'), position: text('position'), fields_json: cleanMultiline(field(body, 'fields_json')),
  }
}

export function emptyServiceForm(): ServiceForm {
  const texts = Object.fromEntries(SERVICE_TEXTS.map((name) => [name, ''])) as Record<ServiceText, string>
  return {
    ...texts, code: '', category: '', pricing: 'free', price: '', price_period: '', quantity_field: '', offers: [], referent_only: false,
    effect: 'none', subscription_kinds: [], active: true, position: '', fields_json: '[]',
  }
}

/** The saved service as its edit form shows it: definitions indented, the price in the reader's way. */
export function serviceFormOf(service: CatalogService, locale: string): ServiceForm {
  const texts = Object.fromEntries(SERVICE_TEXTS.map((name) => [name, service[name]])) as Record<ServiceText, string>
  return {
    ...texts, code: service.code, category: String(service.category_id), pricing: service.pricing,
    price: service.price_cents === null ? '' : formatEurosForInput(service.price_cents, locale), price_period: service.price_period ?? '',
    quantity_field: service.quantity_field ?? '', offers: listOf(service.offers), referent_only: service.referent_only === 1,
    effect: service.effect, subscription_kinds: listOf(service.subscription_kinds), active: service.active === 1,
    position: String(service.position), fields_json: JSON.stringify(JSON.parse(service.fields_json), null, 2),
  }
}

/** A comma-separated column as a list (null: none). */
export function listOf(column: string | null): string[] {
  return column === null ? [] : column.split(',').map((one) => one.trim()).filter(Boolean)
}
