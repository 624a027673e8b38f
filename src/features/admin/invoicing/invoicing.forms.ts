// The staff billing forms: closing a month, a credit note, a payment. Each
// answer is a message key per field, shown next to it (422).
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { isCalendarDate, parisDay } from '../../../lib/paris-calendar.js'
import { REASON_MAX } from '../../bills/invoicing-credit-notes.js'
import { utcMonth } from '../../usage/usage.queries.js'

export const REFERENCE_MAX = 100
const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/
const CODE = /^OCB[0-9]{7}$/
// Euros with up to two decimals, a point or a comma; a billion at most.
const EUROS = /^([0-9]{1,9})(?:[.,]([0-9]{1,2}))?$/

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0

/** Cents from euros typed by hand, or undefined. */
export function parseEuros(text: string): number | undefined {
  const match = EUROS.exec(text.replace(/\s/g, ''))
  if (!match) return undefined
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

export interface RunForm {
  month: string
  contract: string
  publish: boolean
}

export function readRunForm(body: unknown): RunForm {
  return { month: cleanText(field(body, 'month')), contract: cleanText(field(body, 'contract')).toUpperCase(), publish: field(body, 'publish') === '1' }
}

/** A past month (UTC, like usage), and a contract code or nothing (every contract). */
export function runErrors(form: RunForm, now: Date): FieldErrors | undefined {
  const errors: FieldErrors = {}
  if (!MONTH.test(form.month)) errors.month = 'admin.invoicing.run.error.month_format'
  else if (form.month >= utcMonth(now)) errors.month = 'admin.invoicing.run.error.month_not_over'
  if (form.contract !== '' && !CODE.test(form.contract)) errors.contract = 'admin.invoicing.run.error.contract_format'
  return hasErrors(errors) ? errors : undefined
}

export interface CreditForm {
  amount: string
  reason: string
}

export function readCreditForm(body: unknown): CreditForm {
  return { amount: cleanText(field(body, 'amount')), reason: cleanMultiline(field(body, 'reason')) }
}

/** A positive amount up to what remains creditable, and a reason. */
export function creditErrors(form: CreditForm, creditable: number): { cents?: number; errors?: FieldErrors } {
  const errors: FieldErrors = {}
  const cents = parseEuros(form.amount)
  if (cents === undefined || cents <= 0) errors.amount = 'admin.invoicing.credit.error.amount'
  else if (cents > creditable) errors.amount = { key: 'admin.invoicing.credit.error.too_much', params: { max: (creditable / 100).toFixed(2) } }
  if (!form.reason) errors.reason = 'admin.invoicing.credit.error.reason_required'
  else if (form.reason.length > REASON_MAX) errors.reason = { key: 'admin.invoicing.credit.error.reason_long', params: { max: REASON_MAX } }
  return hasErrors(errors) ? { errors } : { cents }
}

export interface PaymentForm {
  amount: string
  received_on: string
  reference: string
}

export function readPaymentForm(body: unknown): PaymentForm {
  return { amount: cleanText(field(body, 'amount')), received_on: cleanText(field(body, 'received_on')), reference: cleanText(field(body, 'reference')) }
}

export function paymentErrors(form: PaymentForm, now: Date): { cents?: number; errors?: FieldErrors } {
  const errors: FieldErrors = {}
  const cents = parseEuros(form.amount)
  if (cents === undefined || cents <= 0) errors.amount = 'admin.invoicing.payment.error.amount'
  if (!isCalendarDate(form.received_on)) errors.received_on = 'admin.invoicing.payment.error.date'
  else if (form.received_on > parisDay(now)) errors.received_on = 'admin.invoicing.payment.error.future'
  if (!form.reference) errors.reference = 'admin.invoicing.payment.error.reference_required'
  else if (form.reference.length > REFERENCE_MAX) errors.reference = { key: 'admin.invoicing.payment.error.reference_long', params: { max: REFERENCE_MAX } }
  return hasErrors(errors) ? { errors } : { cents }
}
