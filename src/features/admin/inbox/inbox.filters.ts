// The inbox's filters, read from the query string (a bookmarkable GET form):
// new messages of every kind by default, as the dashboard links them; an unknown value is
// the default, a field sent twice a 400.
import { field } from '../../../lib/forms.js'

export const STATUS_FILTERS = ['new', 'handled', 'all'] as const
export const ASSIGNED_FILTERS = ['all', 'me', 'unassigned'] as const
/** message: from "My company"; advisor and callback: from Need help. */
export const KIND_FILTERS = ['all', 'message', 'advisor', 'callback'] as const

export interface InboxFilters {
  status: (typeof STATUS_FILTERS)[number]
  assigned: (typeof ASSIGNED_FILTERS)[number]
  kind: (typeof KIND_FILTERS)[number]
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : allowed[0]!
}

export function readInboxFilters(query: unknown): InboxFilters {
  return {
    status: oneOf(STATUS_FILTERS, field(query, 'status')), assigned: oneOf(ASSIGNED_FILTERS, field(query, 'assigned')),
    kind: oneOf(KIND_FILTERS, field(query, 'kind')),
  }
}

/** The list's URL with its filters, ready for `page=`: the pagination's links. */
export function inboxListBase(filters: InboxFilters): string {
  return `/admin/inbox?status=${filters.status}&assigned=${filters.assigned}&kind=${filters.kind}&`
}
