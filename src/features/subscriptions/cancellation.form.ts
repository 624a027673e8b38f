// The cancel form: how many of the subscription's instances to cancel.
import { cleanText, field, type FieldError } from '../../lib/forms.js'

export interface QuantityForm {
  /** What was typed, shown back on a 422. */
  typed: string
  quantity?: number
  error?: FieldError
}

/** A whole number from 1 to `cancellable` (the instances not already being cancelled). */
export function readQuantity(body: unknown, cancellable: number): QuantityForm {
  const typed = cleanText(field(body, 'quantity'))
  if (typed === '') return { typed, error: 'subscriptions.error.quantity_missing' }
  if (!/^\d+$/.test(typed)) return { typed, error: 'subscriptions.error.quantity_not_number' }
  // A run of digits too long for any subscription is simply more than remain.
  const quantity = typed.length > 9 ? Number.POSITIVE_INFINITY : Number(typed)
  if (cancellable === 0) return { typed, error: 'subscriptions.error.nothing_to_cancel' }
  if (quantity < 1) return { typed, error: 'subscriptions.error.quantity_min' }
  if (quantity > cancellable) return { typed, error: { key: 'subscriptions.error.quantity_max', params: { count: cancellable } } }
  return { typed, quantity }
}
