// POST /help/callback's form: contract, phone, slot, subject. The slot is
// checked again here whatever the select offered: a real business-hours slot,
// at least an hour ahead, at most 30 days ahead.
import { cleanText, field, type FieldErrors } from '../../lib/forms.js'
import { checkSlot } from './business-hours.js'
import { readContract, SUBJECT_MAX } from './help.forms.js'
import type { HelpContract } from './help.queries.js'

export interface CallbackForm {
  contract: string
  phone: string
  slot: string
  subject: string
}

const PHONE_CHARACTERS = /^\+?[0-9 .()-]+$/
const PHONE_MAX = 30

/** A phone number as people write it: an optional +, digits, spaces, dots, dashes, parentheses; 6 to 15 digits. */
export function isPhoneNumber(value: string): boolean {
  if (value.length > PHONE_MAX || !PHONE_CHARACTERS.test(value)) return false
  const digits = value.replace(/[^0-9]/g, '').length
  return digits >= 6 && digits <= 15
}

export function readCallbackForm(body: unknown, contracts: HelpContract[], now: Date) {
  const { code, contract } = readContract(body, contracts)
  const values: CallbackForm = { contract: code, phone: cleanText(field(body, 'phone')), slot: cleanText(field(body, 'slot')), subject: cleanText(field(body, 'subject')) }
  const errors: FieldErrors = {}
  if (!contract) errors['callback-contract'] = 'help.error.contract_required'
  if (!values.phone) errors.phone = 'help.callback.error.phone_required'
  else if (!isPhoneNumber(values.phone)) errors.phone = 'help.callback.error.phone'
  const slot = checkSlot(values.slot, now)
  if ('error' in slot) errors.slot = slot.error
  if (!values.subject) errors['callback-subject'] = 'help.error.subject_required'
  else if (values.subject.length > SUBJECT_MAX) errors['callback-subject'] = { key: 'help.error.too_long', params: { max: SUBJECT_MAX } }
  const callbackAt = 'at' in slot ? slot.at : undefined
  return { values, contract, callbackAt, errors: Object.keys(errors).length > 0 ? errors : undefined }
}
