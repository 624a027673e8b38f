// What the three catalog forms read the same way: a ticked box, a whole number
// typed by hand (a position, months, instances), a bounded text.
import { field, type FieldError, type FieldErrors } from '../../../lib/forms.js'

/** A ticked box posts `yes` (a lone box) or `on` (a box of a group); nothing otherwise, and anything else is not ticked. */
export function ticked(body: unknown, name: string): boolean {
  const value = field(body, name)
  return value === 'yes' || value === 'on'
}

const WHOLE = /^[0-9]{1,7}$/

/** A whole number between `min` and `max` typed by hand, or undefined. */
export function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!WHOLE.test(text)) return undefined
  const value = Number(text)
  return value >= min && value <= max ? value : undefined
}

export const POSITION_MAX = 10_000

/** The position field: empty means "at the end" (`fallback`). */
export function checkPosition(text: string, fallback: number, errors: FieldErrors): number {
  if (text === '') return fallback
  const position = wholeNumber(text, 0, POSITION_MAX)
  if (position === undefined) errors.position = { key: 'admin.catalog.error.position', params: { max: POSITION_MAX } }
  return position ?? fallback
}

/** A required (or optional) text of at most `max` characters: its message, if wrong. */
export function textError(value: string, max: number, required: FieldError | undefined): FieldError | undefined {
  if (value === '') return required
  if (value.length > max) return { key: 'account.error.too_long', params: { max } }
  return undefined
}

/** Adds each field's message, when it has one. */
export function collect(errors: FieldErrors, checks: Record<string, FieldError | undefined>): void {
  for (const [name, error] of Object.entries(checks)) if (error !== undefined) errors[name] = error
}
