// The contract's administrative (billing) contact on the staff edit: the
// customer form's rules (parseAdminContact: name ≤ 100, a valid email ≤ 254,
// both empty removes it), under field names of their own since `name` is
// the contract's name on this form. Staff may set it on a multi-services
// grouping contract too (read-only to customers only).
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { parseAdminContact } from '../../bills/admin-contact.form.js'

export interface AdminContactFields {
  admin_contact_name: string
  admin_contact_email: string
}

export function readAdminContactFields(body: unknown): AdminContactFields {
  return { admin_contact_name: cleanText(field(body, 'admin_contact_name')), admin_contact_email: cleanText(field(body, 'admin_contact_email')) }
}

/** The contact to store (nulls to remove it), or the message key per field of this form. */
export function parseAdminContactFields(values: AdminContactFields): { contact: { name: string | null; email: string | null } } | { errors: FieldErrors } {
  const parsed = parseAdminContact({ name: values.admin_contact_name, email: values.admin_contact_email })
  if ('contact' in parsed) return parsed
  const errors: FieldErrors = {}
  if (parsed.errors.name) errors.admin_contact_name = parsed.errors.name
  if (parsed.errors.email) errors.admin_contact_email = parsed.errors.email
  return { errors }
}

export function adminContactFieldsOf(contract: { admin_contact_name: string | null; admin_contact_email: string | null }): AdminContactFields {
  return { admin_contact_name: contract.admin_contact_name ?? '', admin_contact_email: contract.admin_contact_email ?? '' }
}
