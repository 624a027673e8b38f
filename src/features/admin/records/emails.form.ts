// The email log's filters, read from the query string: a status (the
// dashboard links to ?status=failed and ?status=pending) and part of an address.
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'

export const EMAIL_STATUS_FILTERS = ['all', 'pending', 'sent', 'failed'] as const
export type EmailStatusFilter = (typeof EMAIL_STATUS_FILTERS)[number]

export interface EmailFilters {
  status: string
  q: string
}

export function readEmailFilters(query: unknown): EmailFilters {
  return { status: cleanText(field(query, 'status')) || 'all', q: cleanText(field(query, 'q')).toLowerCase() }
}

export function isStatusFilter(value: string): value is EmailStatusFilter {
  return (EMAIL_STATUS_FILTERS as readonly string[]).includes(value)
}

export function emailFilterErrors(filters: EmailFilters): FieldErrors {
  const errors: FieldErrors = {}
  if (!isStatusFilter(filters.status)) errors.status = 'admin.records.emails.error.status'
  if (filters.q.length > 254) errors.q = 'admin.records.emails.error.q_length'
  return errors
}
