// Step 1 of a reservation: kind (standard or flexible, when the service sells
// both), region, template and number of instances, checked against the
// active offers. What was typed comes back with a message per field.
import type { FieldErrors, FormBody } from '../../../lib/forms.js'
import { cleanText, field } from '../../../lib/forms.js'
import type { SubscriptionKind } from '../../../db/subscriptions.table.js'
import type { OfferChoices } from './offers.queries.js'
import type { ReservationChoice } from './state.js'

/** More instances than anyone reserves in one order: a typo, said so before step 2. */
export const QUANTITY_MAX = 10_000

export interface ChoiceValues {
  kind: string
  region: string
  flavour: string
  quantity: string
}

export function readChoiceForm(body: unknown, kinds: SubscriptionKind[]): ChoiceValues {
  const posted = body as FormBody
  return {
    kind: kinds.length === 1 ? kinds[0]! : cleanText(field(posted, 'kind')),
    region: cleanText(field(posted, 'region')), flavour: cleanText(field(posted, 'flavour')), quantity: cleanText(field(posted, 'quantity')),
  }
}

export type QuantityCheck = { quantity: number } | { error: FieldErrors[string] }

/** A whole number of instances from 1 (and at most `max`, the instances left when known). */
export function checkQuantity(raw: string, max = QUANTITY_MAX): QuantityCheck {
  if (!/^-?[0-9]{1,12}$/.test(raw)) return { error: raw === '' ? 'catalog.reservation.error.quantity_required' : 'catalog.reservation.error.quantity_number' }
  const quantity = Number(raw)
  if (quantity < 1) return { error: 'catalog.reservation.error.quantity_min' }
  if (quantity > max) return { error: { key: 'catalog.reservation.error.quantity_max', params: { max } } }
  return { quantity }
}

export function choiceErrors(values: ChoiceValues, kinds: SubscriptionKind[], choices: OfferChoices): FieldErrors {
  const errors: FieldErrors = {}
  if (!(kinds as string[]).includes(values.kind)) errors.kind = 'catalog.reservation.error.kind'
  if (!choices.regions.includes(values.region)) errors.region = 'catalog.reservation.error.region'
  if (!choices.flavours.includes(values.flavour)) errors.flavour = 'catalog.reservation.error.flavour'
  const quantity = checkQuantity(values.quantity)
  if ('error' in quantity) errors.quantity = quantity.error
  return errors
}

/** The checked values as the state keeps them (only once choiceErrors found nothing). */
export function toChoice(values: ChoiceValues): ReservationChoice {
  return { kind: values.kind as SubscriptionKind, region: values.region, flavour: values.flavour, quantity: Number(values.quantity) }
}
