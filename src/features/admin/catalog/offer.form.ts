// The subscription offer form: what a customer may reserve (kind × region ×
// template × commitment), its monthly price per instance, how it is paid, how
// many instances are left to sell.
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { SUBSCRIPTION_KINDS, type SubscriptionKind } from '../../../db/subscriptions.table.js'
import type { SubscriptionOffer } from '../../../db/catalog.table.js'
import { parseEuros } from '../invoicing/invoicing.forms.js'
import { formatEurosForInput } from './money.js'
import { checkPosition, collect, textError, ticked, wholeNumber } from './form-values.js'

export const PAYMENT_METHODS = ['monthly', 'upfront'] as const satisfies readonly SubscriptionOffer['payment_method'][]
export type PaymentMethod = SubscriptionOffer['payment_method']

export interface OfferForm {
  kind: string
  region_code: string
  flavour: string
  commitment_months: string
  monthly_price: string
  payment_method: string
  available_quantity: string
  active: boolean
  position: string
}

/** The row's columns the form writes: all but the id. */
export type OfferColumns = Omit<SubscriptionOffer, 'id'>

const REGION = /^[a-z0-9-]{2,32}$/
export const FLAVOUR_MAX = 100
export const AVAILABLE_MAX = 1_000_000

export function readOfferForm(body: unknown): OfferForm {
  const text = (name: string) => cleanText(field(body, name))
  return {
    kind: text('kind'), region_code: text('region_code'), flavour: text('flavour'), commitment_months: text('commitment_months'),
    monthly_price: text('monthly_price'), payment_method: text('payment_method'), available_quantity: text('available_quantity'),
    active: ticked(body, 'active'), position: text('position'),
  }
}

export function emptyOfferForm(): OfferForm {
  return { kind: '', region_code: '', flavour: '', commitment_months: '12', monthly_price: '', payment_method: 'monthly', available_quantity: '', active: true, position: '' }
}

export function offerFormOf(offer: SubscriptionOffer, locale: string): OfferForm {
  return {
    kind: offer.kind, region_code: offer.region_code, flavour: offer.flavour, commitment_months: String(offer.commitment_months),
    monthly_price: formatEurosForInput(offer.monthly_price_cents, locale), payment_method: offer.payment_method,
    available_quantity: String(offer.available_quantity), active: offer.active === 1, position: String(offer.position),
  }
}

/** The columns to write, or the message of each wrong field. */
export function checkOfferForm(form: OfferForm, nextPosition: number): { columns: OfferColumns } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const months = wholeNumber(form.commitment_months, 1, 60)
  const cents = parseEuros(form.monthly_price)
  const available = wholeNumber(form.available_quantity, 0, AVAILABLE_MAX)
  collect(errors, {
    kind: (SUBSCRIPTION_KINDS as readonly string[]).includes(form.kind) ? undefined : 'admin.catalog.error.kind',
    region_code: form.region_code === '' ? 'admin.catalog.error.region_required' : REGION.test(form.region_code) ? undefined : 'admin.catalog.error.region',
    flavour: textError(form.flavour, FLAVOUR_MAX, 'admin.catalog.error.flavour_required'),
    commitment_months: months === undefined ? 'admin.catalog.error.commitment' : undefined,
    monthly_price: cents === undefined || cents <= 0 ? 'admin.catalog.error.price' : undefined,
    payment_method: (PAYMENT_METHODS as readonly string[]).includes(form.payment_method) ? undefined : 'admin.catalog.error.payment_method',
    available_quantity: available === undefined ? { key: 'admin.catalog.error.available', params: { max: AVAILABLE_MAX } } : undefined,
  })
  const position = checkPosition(form.position, nextPosition, errors)
  if (Object.keys(errors).length > 0) return { errors }
  return {
    columns: {
      kind: form.kind as SubscriptionKind, region_code: form.region_code, flavour: form.flavour, commitment_months: months!,
      monthly_price_cents: cents!, payment_method: form.payment_method as PaymentMethod, available_quantity: available!,
      active: form.active ? 1 : 0, position,
    },
  }
}
