// Checking a service form: each field's message, and the columns to write.
// The field definitions go through parseFieldDefinitions (its own message is
// shown next to the text area), then against what the pricing and the effect
// read from them: the quantity field, the fields an effect's completion needs.
import type { FieldError, FieldErrors } from '../../../lib/forms.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { FieldDefinition } from '../../../lib/field-definitions.js'
import { checkDefinitions } from './definitions.check.js'
import { ORDER_EFFECTS, PRICE_PERIODS, PRICINGS, type OrderEffect, type Pricing, type PricePeriod } from '../../../db/catalog.table.js'
import { parseEuros } from '../invoicing/invoicing.forms.js'
import { effectFieldError } from './effect-fields.js'
import { checkPosition, collect, textError } from './form-values.js'
import { FIELDS_JSON_MAX, SERVICE_TEXT_MAX, SERVICE_TEXTS, type ServiceColumns, type ServiceForm } from './service.form.js'

const CODE = /^[a-z0-9][a-z0-9-]{1,63}$/
const REQUIRED_TEXTS = new Set(['name_en', 'name_fr', 'summary_en', 'summary_fr'])

export type ServiceCheck = { columns: ServiceColumns } | { errors: FieldErrors }

/** `isNew`: the code is read (it never changes afterwards). `categoryIds`: the categories that exist. */
export function checkServiceForm(form: ServiceForm, context: { isNew: boolean; categoryIds: number[]; nextPosition: number }): ServiceCheck {
  const errors: FieldErrors = {}
  if (context.isNew) collect(errors, { code: codeError(form.code) })
  for (const name of SERVICE_TEXTS) {
    collect(errors, { [name]: textError(form[name], SERVICE_TEXT_MAX[name], REQUIRED_TEXTS.has(name) ? `admin.catalog.error.${name}_required` as MessageKey : undefined) })
  }
  const categoryId = Number(form.category)
  if (!context.categoryIds.includes(categoryId)) errors.category = 'admin.catalog.error.category'
  const definitions = checkDefinitions(form.fields_json, FIELDS_JSON_MAX, errors)
  const pricing = checkPricing(form, definitions, errors)
  const effect = checkEffect(form, pricing?.pricing, definitions, errors)
  const position = checkPosition(form.position, context.nextPosition, errors)
  if (Object.keys(errors).length > 0 || !pricing || !effect || !definitions) return { errors }
  return {
    columns: {
      category_id: categoryId, name_en: form.name_en, name_fr: form.name_fr, summary_en: form.summary_en, summary_fr: form.summary_fr,
      description_en: form.description_en, description_fr: form.description_fr, conditions_en: form.conditions_en, conditions_fr: form.conditions_fr,
      ...pricing, fields_json: JSON.stringify(definitions), offers: form.offers.length === 0 ? null : form.offers.join(','),
      referent_only: form.referent_only ? 1 : 0, ...effect, active: form.active ? 1 : 0, position,
    },
  }
}

function codeError(code: string): FieldError | undefined {
  if (code === '') return 'admin.catalog.error.code_required'
  if (!CODE.test(code)) return 'admin.catalog.error.service_code'
  // /admin/catalog/services/new is the creation form: a service called so could not be opened.
  return code === 'new' ? 'admin.catalog.error.code_reserved' : undefined
}


type Priced = Pick<ServiceColumns, 'pricing' | 'price_cents' | 'price_period' | 'quantity_field'>

/** A fixed price needs an amount, a period and (optionally) the number field multiplying it; other pricings store none. */
function checkPricing(form: ServiceForm, definitions: FieldDefinition[] | undefined, errors: FieldErrors): Priced | undefined {
  if (!(PRICINGS as readonly string[]).includes(form.pricing)) {
    errors.pricing = 'admin.catalog.error.pricing'
    return undefined
  }
  const pricing = form.pricing as Pricing
  if (pricing !== 'fixed') return { pricing, price_cents: null, price_period: null, quantity_field: null }
  const cents = parseEuros(form.price)
  if (cents === undefined || cents <= 0) errors.price = 'admin.catalog.error.price'
  if (!(PRICE_PERIODS as readonly string[]).includes(form.price_period)) errors.price_period = 'admin.catalog.error.price_period'
  const quantityField = form.quantity_field === '' ? null : form.quantity_field
  const quantityError = quantityField !== null && definitions ? quantityFieldError(quantityField, definitions) : undefined
  if (quantityError) errors.quantity_field = quantityError
  return { pricing, price_cents: cents ?? null, price_period: form.price_period as PricePeriod, quantity_field: quantityField }
}

/** The largest quantity an order may multiply a price by: a total stays far within a safe integer of cents. */
export const QUANTITY_LARGEST_MAX = 999_999

/** The quantity field must be a number field bounded from 1 to at most QUANTITY_LARGEST_MAX:
 * the order POST refuses any other value (never a silent quantity of 1). */
function quantityFieldError(name: string, definitions: FieldDefinition[]): FieldError | undefined {
  const definition = definitions.find((one) => one.name === name && one.type === 'number')
  if (!definition) return { key: 'admin.catalog.error.quantity_field', params: { name } }
  const bounded = definition.min !== undefined && definition.min >= 1 && definition.max !== undefined && definition.max <= QUANTITY_LARGEST_MAX
  return bounded ? undefined : { key: 'admin.catalog.error.quantity_bounds', params: { name, max: QUANTITY_LARGEST_MAX } }
}

type Effected = Pick<ServiceColumns, 'effect' | 'subscription_kinds'>

/** Reservation pricing and the subscription effect go together, with at least one kind; an effect's fields must be defined. */
function checkEffect(form: ServiceForm, pricing: Pricing | undefined, definitions: FieldDefinition[] | undefined, errors: FieldErrors): Effected | undefined {
  if (!(ORDER_EFFECTS as readonly string[]).includes(form.effect)) {
    errors.effect = 'admin.catalog.error.effect'
    return undefined
  }
  const effect = form.effect as OrderEffect
  const reservation = pricing === 'reservation'
  if (effect === 'subscription' && pricing !== undefined && !reservation) errors.effect = 'admin.catalog.error.subscription_pricing'
  if (reservation && effect !== 'subscription') errors.pricing = 'admin.catalog.error.reservation_effect'
  if (reservation && form.subscription_kinds.length === 0) errors.subscription_kinds = 'admin.catalog.error.subscription_kinds'
  const fieldError = definitions && effectFieldError(effect, definitions)
  if (fieldError && !errors.fields_json) errors.fields_json = fieldError
  return { effect, subscription_kinds: reservation ? form.subscription_kinds.join(',') : null }
}
