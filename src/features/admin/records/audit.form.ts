// The audit log's filters, read from the query string (GET: the search is a
// bookmarkable URL). A value that can't be what it names (a login with
// spaces, 2026-02-30, a `from` after `to`) is a message on its field.
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { isCalendarDate } from './paris-days.js'

export interface AuditFilters {
  actor: string
  action: string
  contract: string
  target: string
  from: string
  to: string
}

const FILTER_NAMES = ['actor', 'action', 'contract', 'target', 'from', 'to'] as const

// Logins as the rights wizard makes them (lower-cased), without its minimum
// length: an older account may be shorter.
const LOGIN = /^[a-z0-9._-]{1,64}$/
// An action (rights.roles_changed) or a prefix of one ending with a dot (admin.).
const ACTION = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$/
const CONTRACT_CODE = /^OCB[0-9]{7}$/

export function readAuditFilters(query: unknown): AuditFilters {
  const read = (name: (typeof FILTER_NAMES)[number]) => cleanText(field(query, name))
  return {
    actor: read('actor').toLowerCase(),
    action: read('action').toLowerCase(),
    contract: read('contract').toUpperCase(),
    target: read('target').toLowerCase(),
    from: read('from'),
    to: read('to'),
  }
}

export function auditFilterErrors(filters: AuditFilters): FieldErrors {
  const errors: FieldErrors = {}
  if (filters.actor && !LOGIN.test(filters.actor)) errors.actor = 'admin.records.audit.error.login'
  if (filters.target && !LOGIN.test(filters.target)) errors.target = 'admin.records.audit.error.login'
  if (filters.action && (filters.action.length > 64 || !ACTION.test(filters.action))) errors.action = 'admin.records.audit.error.action'
  if (filters.contract && !CONTRACT_CODE.test(filters.contract)) errors.contract = 'admin.records.audit.error.contract'
  if (filters.from && !isCalendarDate(filters.from)) errors.from = 'admin.records.audit.error.date'
  if (filters.to && !isCalendarDate(filters.to)) errors.to = 'admin.records.audit.error.date'
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to) errors.to = 'admin.records.audit.error.range'
  return errors
}
