// The administrative contact form (source 004): a name and an email address,
// both or neither (neither removes the contact). The person need not have a
// portal account: the invoice emails go to this address.
import { cleanText, field, isEmailAddress, type FieldErrors } from '../../lib/forms.js'

export const NAME_MAX = 100
export const EMAIL_MAX = 254

export interface AdminContactValues {
  name: string
  email: string
}

export function readAdminContactForm(body: unknown): AdminContactValues {
  return { name: cleanText(field(body, 'name')), email: cleanText(field(body, 'email')) }
}

/** The contact to store (nulls to remove it), or the message key per field. */
export function parseAdminContact(values: AdminContactValues): { contact: { name: string | null; email: string | null } } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  if (values.name === '' && values.email === '') return { contact: { name: null, email: null } }
  if (values.name === '') errors.name = 'bills.contact.error.name_required'
  else if (values.name.length > NAME_MAX) errors.name = { key: 'bills.contact.error.name_too_long', params: { max: NAME_MAX } }
  if (values.email === '') errors.email = 'bills.contact.error.email_required'
  else if (values.email.length > EMAIL_MAX) errors.email = { key: 'bills.contact.error.email_too_long', params: { max: EMAIL_MAX } }
  else if (!isEmailAddress(values.email)) errors.email = 'bills.contact.error.email_invalid'
  if (Object.keys(errors).length > 0) return { errors }
  return { contact: { name: values.name, email: values.email } }
}

/** The form showing the contract's current contact. */
export function currentValues(contract: { admin_contact_name: string | null; admin_contact_email: string | null }): AdminContactValues {
  return { name: contract.admin_contact_name ?? '', email: contract.admin_contact_email ?? '' }
}
