// "My contact information": title, email, mobile and landline phones.
import type { FieldErrors } from '../../lib/forms.js'
import { cleanText, field, isEmailAddress } from '../../lib/forms.js'

export interface ContactForm {
  title: string
  email: string
  phone: string
  landline: string
}


export function readContactForm(body: unknown): ContactForm {
  return {
    title: field(body, 'title'),
    email: cleanText(field(body, 'email')).toLowerCase(),
    phone: cleanText(field(body, 'phone')),
    landline: cleanText(field(body, 'landline')),
  }
}

export function contactErrors(form: ContactForm): FieldErrors {
  const errors: FieldErrors = {}
  if (form.title !== 'mr' && form.title !== 'mrs') errors.title = 'account.error.title'
  if (!form.email) errors.email = 'account.error.email_required'
  else if (!isEmailAddress(form.email)) errors.email = 'account.error.email_format'
  if (!form.phone && !form.landline) errors.phone = 'account.error.phone_required'
  if (form.phone && !isPhoneNumber(form.phone)) errors.phone = 'account.error.phone_format'
  if (form.landline && !isPhoneNumber(form.landline)) errors.landline = 'account.error.phone_format'
  return errors
}

/** International (+33 1 85 14 93 56) or French national (01 85 14 93 56) numbers;
 * spaces, dots, dashes and brackets between digits are fine. */
export function isPhoneNumber(value: string): boolean {
  if (value.length > 30 || !/^\+?[0-9 ().-]+$/.test(value)) return false
  const digits = value.replace(/[ ().-]/g, '')
  return /^\+[1-9][0-9]{6,14}$/.test(digits) || /^0[1-9][0-9]{8}$/.test(digits)
}
